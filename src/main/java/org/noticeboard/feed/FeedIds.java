package org.noticeboard.feed;

import java.util.UUID;

/**
 * Ids of feeds and of their entries: tag URIs (RFC 4151) that stay the same for a post's whole life. A reader
 * that has stored an id shows the post as new when the id changes, so no id holds anything that can change: not
 * the slug, not the site URL. The tagging entity is this software's name with a fixed date; what tells one site
 * from another is the site's {@code feed_site_id}, drawn at random once by the database; and a post is named by
 * its numeric id.
 */
final class FeedIds {

    static final String TAGGING_ENTITY = "noticeboard,2025";

    private FeedIds() {
    }

    static String post(UUID site, long postId) {
        return prefix(site) + "/post/" + postId;
    }

    /** The feed of all posts, or of one category (by its id, which survives a renamed slug). */
    static String feed(UUID site, Long categoryId) {
        return prefix(site) + (categoryId == null ? "/posts" : "/category/" + categoryId);
    }

    private static String prefix(UUID site) {
        return "tag:" + TAGGING_ENTITY + ":" + site;
    }
}
