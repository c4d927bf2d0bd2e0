package org.noticeboard.importing;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.noticeboard.common.WireEnum;

import java.util.List;

/**
 * What an import did, or (dryRun) would do: every post, page and menu of the source is in exactly one of created and
 * skipped; comments and categories are counted.
 */
@Schema(name = "ImportReport")
public record ImportReport(
        @Schema(description = "The feed's own id (Atom) or address (RSS), or the WordPress site's address: items are "
                + "known again by it and their ids") String source,
        @Schema(description = "True when nothing was written: the report says what an import would do") boolean dryRun,
        List<Created> created,
        List<Skipped> skipped,
        @Schema(description = "Categories made, by slug") List<String> categoriesCreated,
        @Schema(description = "Comments brought over with their posts") int commentsCreated,
        @Schema(description = "What each kind and status of the source became, with how many: WordPress imports only")
        List<StatusMapping> statuses,
        @Schema(description = "Elements and attributes the HTML sanitiser took out of the bodies, in all")
        int htmlRemovals) {

    @Schema(name = "ImportKind")
    public enum Kind {
        POST, PAGE, MENU, MENU_ITEM, CATEGORY, COMMENT;

        @JsonValue
        public String wireName() {
            return WireEnum.name(this);
        }
    }

    /**
     * @param id   null in a dry run
     * @param slug the slug the post or menu has (or would have), or the page's path: {@code -2} and on where the
     *             source's own was taken
     */
    @Schema(name = "ImportedItem")
    public record Created(Kind kind, String externalId, @Schema(nullable = true) Long id, String slug, String title,
                          @Schema(description = "True when the source's own slug (or the title's) was taken")
                          boolean slugChanged,
                          @Schema(description = "Elements and attributes the sanitiser took out of this item's body")
                          int htmlRemovals) {
    }

    @Schema(name = "SkippedItem")
    public record Skipped(Kind kind, String externalId, @Schema(nullable = true) String title, String reason) {
    }

    /** @param becomes published, scheduled, draft, pending, approved, spam, trash... or skipped */
    @Schema(name = "ImportStatusMapping")
    public record StatusMapping(@Schema(examples = "post") String type, @Schema(examples = "private") String status,
                                @Schema(examples = "draft") String becomes, int count) {
    }
}
