package org.noticeboard.menu;

import org.noticeboard.page.PageStatus;
import org.noticeboard.post.PostStatus;

import java.time.Instant;

/** A menu item with what its link needs from the page, post or category it points at. */
record MenuItemRow(Long menuId, Long id, Long parentId, Integer position, String label, LinkType linkType,
                   String pagePath, PageStatus pageStatus,
                   String postSlug, PostStatus postStatus, Instant postPublishedAt,
                   String categorySlug, Integer archiveYear, Integer archiveMonth, String url) {
}
