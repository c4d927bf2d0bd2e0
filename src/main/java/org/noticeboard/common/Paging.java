package org.noticeboard.common;

/** Validated {@code page} and {@code perPage} query parameters. Pages count from 1. */
public record Paging(int page, int perPage) {

    public static final int DEFAULT_PER_PAGE = 10;
    public static final int MAX_PER_PAGE = 100;
    /** Far beyond any real listing; stops offsets that would overflow or make the database scan for nothing. */
    private static final int MAX_PAGE = 100_000;

    public static Paging of(String page, String perPage) {
        return new Paging(
                QueryParameters.intValue("page", page, 1, MAX_PAGE, 1),
                QueryParameters.intValue("perPage", perPage, 1, MAX_PER_PAGE, DEFAULT_PER_PAGE));
    }

    /** Zero-based, as Panache counts pages. */
    public int index() {
        return page - 1;
    }
}
