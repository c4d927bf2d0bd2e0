package org.noticeboard.site;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.noticeboard.common.EditingTag;
import org.noticeboard.common.Versioned;
import org.noticeboard.user.Audit;

import java.net.URI;
import java.time.Instant;

/** What any visitor may know about the site. */
@Schema(name = "Site", requiredProperties = {"name", "tagline", "about", "contact", "url", "timezone", "language", "comments",
        "feeds", "updatedAt"},
        examples = """
        {
          "name": "BPRCVS",
          "tagline": "Burnley, Pendle and Rossendale Council for Voluntary Service",
          "about": "We support voluntary, community and faith groups, and the volunteers who run them.",
          "contact": { "email": "info@example.org", "phone": "01282 000000", "address": "The CVS Centre, Burnley" },
          "url": "https://www.example.org",
          "timezone": "Europe/London",
          "language": "english",
          "comments": { "openOnNewPosts": true, "autoCloseAfterDays": 30, "moderation": "first-time-held", "maxLinks": 2, "threadDepth": 2 },
          "feeds": {
            "rss": "https://api.example.org/api/feeds/posts.rss",
            "atom": "https://api.example.org/api/feeds/posts.atom",
            "json": "https://api.example.org/api/feeds/posts.json",
            "categoryRss": "https://api.example.org/api/feeds/categories/{slug}.rss",
            "categoryAtom": "https://api.example.org/api/feeds/categories/{slug}.atom",
            "categoryJson": "https://api.example.org/api/feeds/categories/{slug}.json"
          },
          "updatedAt": "2025-07-16T09:00:00Z"
        }""")
public record SiteResponse(
        String name,
        @Schema(nullable = true) String tagline,
        @Schema(description = "About the organisation, plain text", nullable = true) String about,
        Contact contact,
        @Schema(description = "Public address of the organisation's website, when set", nullable = true) String url,
        @Schema(description = "IANA time zone in which dates are shown and archives are grouped",
                examples = "Europe/London") String timezone,
        @Schema(description = "The language of the site's text, for search") SiteLanguage language,
        CommentDefaults comments,
        @Schema(description = "The site's feeds, for <link rel=\"alternate\"> discovery") Feeds feeds,
        @Schema(description = "When the settings last changed") Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "When and by whom the settings last changed: only for signed-in editors") Audit audit,
        @JsonIgnore @Schema(hidden = true) EditingTag editingTag) implements Versioned {

    public record Contact(@Email @Size(max = 320) String email, @Size(max = 50) String phone,
                          @Size(max = 500) String address) {
    }

    /** Absolute feed addresses; a category's feeds replace {slug} with its slug. */
    @Schema(name = "Feeds")
    public record Feeds(
            @Schema(description = "RSS 2.0 of all posts") String rss,
            @Schema(description = "Atom 1.0 of all posts") String atom,
            @Schema(description = "JSON Feed 1.1 of all posts") String json,
            @Schema(description = "RSS 2.0 of one category", examples = "https://api.example.org/api/feeds/categories/{slug}.rss")
            String categoryRss,
            @Schema(description = "Atom 1.0 of one category") String categoryAtom,
            @Schema(description = "JSON Feed 1.1 of one category") String categoryJson) {

        static Feeds at(URI apiBase) {
            String feeds = apiBase.resolve("api/feeds/").toString();
            return new Feeds(feeds + "posts.rss", feeds + "posts.atom", feeds + "posts.json",
                    feeds + "categories/{slug}.rss", feeds + "categories/{slug}.atom", feeds + "categories/{slug}.json");
        }
    }

    @Schema(name = "CommentDefaults")
    public record CommentDefaults(
            @Schema(description = "Whether new posts start with comments open") boolean openOnNewPosts,
            @Min(1) @Max(3650)
            @Schema(description = "Comments close this many days after a post is published; null means never",
                    nullable = true)
            Integer autoCloseAfterDays,
            @Schema(description = "Which new comments wait for a moderator before they appear; all-held when left out")
            CommentModeration moderation,
            @Min(0) @Max(100)
            @Schema(description = "A comment with more links than this waits for a moderator in every mode; 2 when left out")
            Short maxLinks,
            @Min(1) @Max(10)
            @Schema(description = "Levels of replies under a top comment (2 when left out); a reply to a comment that "
                    + "deep joins that comment's replies") Short threadDepth) {
    }

    /** The tag a change to the settings takes as If-Match. */
    static EditingTag tagOf(SiteSettings settings) {
        return new EditingTag("site", settings.id, settings.version);
    }

    static SiteResponse from(SiteSettings settings, URI apiBase, Audit audit) {
        return new SiteResponse(settings.name, settings.tagline, settings.about, contact(settings),
                settings.siteUrl, settings.timezone, settings.language, commentDefaults(settings), Feeds.at(apiBase), settings.updatedAt, audit,
                tagOf(settings));
    }

    static SiteRequest asRequest(SiteSettings settings) {
        return new SiteRequest(settings.name, settings.tagline, settings.about, contact(settings), settings.siteUrl,
                settings.timezone, settings.language, commentDefaults(settings));
    }

    private static Contact contact(SiteSettings settings) {
        return new Contact(settings.contactEmail, settings.contactPhone, settings.contactAddress);
    }

    private static CommentDefaults commentDefaults(SiteSettings settings) {
        return new CommentDefaults(settings.commentsOpenByDefault, settings.commentsAutoCloseDays,
                settings.commentModeration, settings.commentMaxLinks, settings.commentThreadDepth);
    }
}
