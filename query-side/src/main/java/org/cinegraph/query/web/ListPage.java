package org.cinegraph.query.web;

import java.util.List;
import org.springframework.data.domain.Page;

/** One page of a list: {@code total} counts every item that matches, {@code items} the ones on this page. */
public record ListPage<T>(long total, List<T> items) {

    public static <T> ListPage<T> of(Page<T> page) {
        return new ListPage<>(page.getTotalElements(), page.getContent());
    }
}
