package org.noticeboard.feed;

import java.time.Instant;
import java.util.List;

/** A feed of posts, whatever format it is written in. Every URL in it is absolute. */
record Feed(String siteName, String title, String description, String homePageUrl, String feedUrl, Instant updated,
            Instant lastModified, List<Item> items) {

    record Item(String url, String title, String summary, String contentHtml, Instant published, Instant updated,
                String author, List<String> categories) {
    }
}
