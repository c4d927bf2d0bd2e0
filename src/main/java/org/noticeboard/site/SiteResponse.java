package org.noticeboard.site;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.noticeboard.user.Audit;

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
        CommentDefaults comments,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "When and by whom the settings last changed: only for signed-in editors") Audit audit) {

    public record Contact(@Email @Size(max = 320) String email, @Size(max = 50) String phone,
                          @Size(max = 500) String address) {
    }

    @Schema(name = "CommentDefaults")
    public record CommentDefaults(
            @Schema(description = "Whether new posts start with comments open") boolean openOnNewPosts,
            @Min(1) @Max(3650)
            @Schema(description = "Comments close this many days after a post is published; null means never")
            Integer autoCloseAfterDays,
            @Schema(description = "Whether comments wait for a moderator before they appear") boolean moderationRequired) {
    }

    static SiteResponse from(SiteSettings settings, Audit audit) {
        return new SiteResponse(settings.name, settings.tagline, settings.about,
                new Contact(settings.contactEmail, settings.contactPhone, settings.contactAddress),
                settings.siteUrl, settings.timezone,
                new CommentDefaults(settings.commentsOpenByDefault, settings.commentsAutoCloseDays,
                        settings.commentsRequireModeration), audit);
    }

    SiteResponse withoutAudit() {
        return new SiteResponse(name, tagline, about, contact, url, timezone, comments, null);
    }

    SiteRequest asRequest() {
        return new SiteRequest(name, tagline, about, contact, url, timezone, comments);
    }
}
