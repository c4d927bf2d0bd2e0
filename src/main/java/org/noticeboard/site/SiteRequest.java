package org.noticeboard.site;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The site settings as an admin writes them; the same shape as they are read. */
@Schema(name = "SiteRequest")
public record SiteRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 300) String tagline,
        @Size(max = 10_000) String about,
        @Valid SiteResponse.Contact contact,
        @Size(max = 500) @Pattern(regexp = "https?://[^/\\s]+(/\\S*)?", message = "must be an http or https address")
        @Schema(description = "Public address of the organisation's website") String url,
        @NotBlank @Schema(description = "IANA time zone, e.g. Europe/London") String timezone,
        @NotNull @Valid SiteResponse.CommentDefaults comments) {
}
