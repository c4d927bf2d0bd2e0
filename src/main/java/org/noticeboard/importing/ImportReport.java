package org.noticeboard.importing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What an import did, or (dryRun) would do: every item of the source is in exactly one of created and skipped. */
@Schema(name = "ImportReport")
public record ImportReport(
        @Schema(description = "The feed's own id (Atom) or address (RSS): items are known again by it and their ids")
        String source,
        @Schema(description = "True when nothing was written: the report says what an import would do") boolean dryRun,
        List<Created> created,
        List<Skipped> skipped,
        @Schema(description = "Categories made for the items' category names, by slug") List<String> categoriesCreated,
        @Schema(description = "Elements and attributes the HTML sanitiser took out of the items' bodies, in all")
        int htmlRemovals) {

    /**
     * @param id   null in a dry run
     * @param slug the slug the post has (or would have): {@code -2} and on where the title's slug was taken
     */
    @Schema(name = "ImportedItem")
    public record Created(String externalId, @Schema(nullable = true) Long id, String slug, String title,
                          @Schema(description = "True when the title's own slug was taken") boolean slugChanged,
                          @Schema(description = "Elements and attributes the sanitiser took out of this item's body")
                          int htmlRemovals) {
    }

    @Schema(name = "SkippedItem")
    public record Skipped(String externalId, @Schema(nullable = true) String title, String reason) {
    }
}
