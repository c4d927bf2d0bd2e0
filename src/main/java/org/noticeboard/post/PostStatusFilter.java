package org.noticeboard.post;

/** Which posts a list shows. Anything but {@code published} needs an editor's sign-in. */
public enum PostStatusFilter {
    PUBLISHED("p.status <> :draft and p.publishedAt <= :now"),
    SCHEDULED("p.status <> :draft and p.publishedAt > :now"),
    DRAFT("p.status = :draft"),
    ANY("true");

    /** A JPQL condition on the alias {@code p}. */
    final String condition;

    PostStatusFilter(String condition) {
        this.condition = condition;
    }
}
