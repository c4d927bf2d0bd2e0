package org.noticeboard.feed;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A feed of posts, whatever format it is written in. Every URL in it is absolute, bodies included; ids are the
 * stable tag URIs of {@link FeedIds}. {@code contactEmail} is the site's public address, or null.
 */
record Feed(String id, String siteName, String contactEmail, String title, String description, String homePageUrl,
            String feedUrl, Instant updated, Instant lastModified, List<Item> items) {

    /** {@code updated} is never before {@code published}: a post written ahead and scheduled changes when it comes out. */
    record Item(String id, String url, String title, String summary, String contentHtml, Image image,
                Instant published, Instant updated, String author, List<String> categories) {
    }

    /** The post's featured image; {@code type} is its media type when its address tells, else null. */
    record Image(String url, String alt, String type) {

        private static final Map<String, String> TYPES = Map.of("jpg", "image/jpeg", "jpeg", "image/jpeg",
                "png", "image/png", "gif", "image/gif", "webp", "image/webp", "avif", "image/avif", "svg", "image/svg+xml");

        /** The image at {@code url} (absolute), its type told by the extension of its path where that is a known one. */
        static Image of(String url, String alt) {
            String path = url.replaceFirst("[?#].*$", "");
            String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            return new Image(url, alt == null || alt.isBlank() ? null : alt, TYPES.get(extension));
        }
    }
}
