package org.cinegraph.query.web;

import java.util.List;

/** One page of a list: {@code total} counts every item that matches, {@code items} the ones on this page. */
public record ListPage<T>(long total, List<T> items) {
}
