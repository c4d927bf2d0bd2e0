package org.noticeboard.menu;

import org.noticeboard.page.PageStatus;

/** A menu item with what its link needs from the page, post or category it points at. */
record MenuItemRow(Long menuId, Long id, Long parentId, Integer position, String label, LinkType linkType,
                   Long pageId, String pagePath, PageStatus pageStatus,
                   Long postId, String postSlug, Boolean postVisible,
                   Long categoryId, String categorySlug, Integer archiveYear, Integer archiveMonth, String url) {

    Long targetId() {
        return switch (linkType) {
            case PAGE -> pageId;
            case POST -> postId;
            case CATEGORY -> categoryId;
            default -> null;
        };
    }
}
