package org.noticeboard.site;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The site settings as an admin writes them; the same shape as they are read. */
@Schema(name = "SiteRequest", examples = """
        {
          "name": "BPRCVS",
          "tagline": "Burnley, Pendle and Rossendale Council for Voluntary Service",
          "about": "We support voluntary, community and faith groups, and the volunteers who run them.",
          "contact": { "email": "info@example.org", "phone": "01282 000000", "address": "The CVS Centre, Burnley" },
          "url": "https://www.example.org",
          "timezone": "Europe/London",
          "language": "english",
          "comments": { "openOnNewPosts": true, "autoCloseAfterDays": 30, "moderation": "first-time-held", "maxLinks": 2, "threadDepth": 2 }
        }""")
public record SiteRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 300) String tagline,
        @Size(max = 10_000) String about,
        @Valid SiteResponse.Contact contact,
        @Size(max = 500) @Pattern(regexp = "https?://[^/\\s]+(/\\S*)?", message = "must be an http or https address")
        @Schema(description = "Public address of the organisation's website") String url,
        @NotBlank @Schema(description = "IANA time zone, e.g. Europe/London") String timezone,
        @Schema(description = "The language of the site's text, for search; english when left out") SiteLanguage language,
        @NotNull @Valid SiteResponse.CommentDefaults comments) {
}
