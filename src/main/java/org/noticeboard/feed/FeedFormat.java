package org.noticeboard.feed;

import java.util.Arrays;
import java.util.Optional;

enum FeedFormat {
    RSS("rss", "application/rss+xml;charset=UTF-8"),
    ATOM("atom", "application/atom+xml;charset=UTF-8"),
    JSON("json", "application/feed+json;charset=UTF-8");

    /** The file extension in the feed's address, e.g. {@code posts.rss}. */
    final String extension;
    final String mediaType;

    FeedFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    static Optional<FeedFormat> byExtension(String extension) {
        return Arrays.stream(values()).filter(format -> format.extension.equals(extension)).findFirst();
    }
}
