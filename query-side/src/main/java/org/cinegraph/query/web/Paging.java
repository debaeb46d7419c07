package org.cinegraph.query.web;

import static org.cinegraph.kernel.problems.Problems.invalidParameter;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * {@code limit} (default 50, at most 500) and {@code offset} of a list request, validated, as the page a repository
 * reads: it starts at {@code offset}, which need not be a multiple of {@code limit}, and lists the rows in
 * {@code sort}'s order (unsorted: in the order the query itself gives).
 */
public record Paging(int limit, int offset, Sort sort) implements Pageable {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    public static Paging of(Integer limit, Integer offset) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        int skip = offset == null ? 0 : offset;
        if (size < 1 || size > MAX_LIMIT) {
            throw invalidParameter("limit must be between 1 and " + MAX_LIMIT + ", not " + size + ".");
        }
        if (skip < 0) {
            throw invalidParameter("offset cannot be negative.");
        }
        return new Paging(size, skip, Sort.unsorted());
    }

    /** The same rows of the list, in this order. */
    public Paging sortedBy(Sort order) {
        return new Paging(limit, offset, order);
    }

    @Override
    public int getPageNumber() {
        return offset / limit;
    }

    @Override
    public int getPageSize() {
        return limit;
    }

    @Override
    public long getOffset() {
        return offset;
    }

    @Override
    public Sort getSort() {
        return sort;
    }

    @Override
    public Pageable next() {
        return new Paging(limit, Math.addExact(offset, limit), sort);
    }

    @Override
    public Pageable previousOrFirst() {
        return new Paging(limit, Math.max(0, offset - limit), sort);
    }

    @Override
    public Pageable first() {
        return new Paging(limit, 0, sort);
    }

    @Override
    public Pageable withPage(int pageNumber) {
        return new Paging(limit, Math.multiplyExact(pageNumber, limit), sort);
    }

    @Override
    public boolean hasPrevious() {
        return offset > 0;
    }
}
