package org.noticeboard.common;

/** Which page of a list to read, and its size. Pages count from 1. */
public record Paging(int page, int perPage) {

    /** Zero-based, as Panache counts pages. */
    public int index() {
        return page - 1;
    }
}
