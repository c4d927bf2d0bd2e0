package org.noticeboard.page;

/** Just enough of a page to link to it. */
record PageRef(Long id, String title, String path, Integer position, PageStatus status) {
}
