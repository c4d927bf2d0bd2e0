package org.noticeboard.demo;

import java.time.Instant;
import java.util.List;

/** The shape of {@code demo/content.json}. */
record DemoContent(Site site, List<String> categories, List<DemoPost> posts, List<DemoMenu> menus) {

    record Site(String name, String about) {
    }

    record DemoPost(String title, Instant publishedAt, String commentStatus, String bodyResource) {
    }

    record DemoMenu(String slug, String name, List<DemoMenuItem> items) {
    }

    /** A menu entry; it links to a page of its own unless {@code link} says otherwise (e.g. "news"). */
    record DemoMenuItem(String label, String link, List<DemoMenuItem> children) {

        List<DemoMenuItem> childrenOrEmpty() {
            return children == null ? List.of() : children;
        }
    }
}
