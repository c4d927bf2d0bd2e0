package org.noticeboard.site;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What any visitor may know about the site. */
@Schema(name = "Site")
public record SiteResponse(
        String name,
        String tagline,
        @Schema(description = "About the organisation, plain text") String about,
        Contact contact,
        @Schema(description = "Public address of the organisation's website, when set") String url,
        @Schema(description = "IANA time zone in which dates are shown and archives are grouped",
                examples = "Europe/London") String timezone,
        CommentDefaults comments) {

    public record Contact(String email, String phone, String address) {
    }

    @Schema(name = "CommentDefaults")
    public record CommentDefaults(
            @Schema(description = "Whether new posts start with comments open") boolean openOnNewPosts,
            @Schema(description = "Comments close this many days after a post is published; null means never")
            Integer autoCloseAfterDays,
            @Schema(description = "Whether comments wait for a moderator before they appear") boolean moderationRequired) {
    }

    static SiteResponse from(SiteSettings settings) {
        return new SiteResponse(settings.name, settings.tagline, settings.about,
                new Contact(settings.contactEmail, settings.contactPhone, settings.contactAddress),
                settings.siteUrl, settings.timezone,
                new CommentDefaults(settings.commentsOpenByDefault, settings.commentsAutoCloseDays,
                        settings.commentsRequireModeration));
    }
}
