package org.noticeboard.common;

/**
 * Fired, synchronously and inside the deleting transaction, before a page, post or category is deleted.
 * Whatever links to the content (menu items) either refuses with a 409 listing the links, or removes
 * them when {@code removeLinks} is set. Features learn of deletions without depending on each other.
 */
public record ContentDeletion(Kind kind, long id, boolean removeLinks) {

    public enum Kind {
        PAGE, POST, CATEGORY
    }
}
