package org.noticeboard.embed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An oEmbed 1.0 "rich" response (oembed.com), with the snake_case names that specification defines. */
@Schema(name = "OEmbed", requiredProperties = {"version", "type", "title", "provider_name", "provider_url", "cache_age", "html",
        "width", "height"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OEmbedResponse(
        String version,
        String type,
        String title,
        @JsonProperty("author_name") String authorName,
        @JsonProperty("provider_name") String providerName,
        @JsonProperty("provider_url") String providerUrl,
        @JsonProperty("cache_age") int cacheAge,
        @Schema(description = "A self-contained post card: no scripts, inline styles only") String html,
        int width,
        int height) {

    static final int WIDTH = 550;
    static final int HEIGHT = 220;
}
