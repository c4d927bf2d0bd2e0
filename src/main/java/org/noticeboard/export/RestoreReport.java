package org.noticeboard.export;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a restore put back, or (dryRun) would put back: the same figures either way. */
@Schema(name = "RestoreReport")
public record RestoreReport(
        @Schema(description = "True when nothing was written: the report says what a restore would do") boolean dryRun,
        Counts restored,
        @Schema(description = "Post and page bodies that the HTML sanitiser changed; they are stored as it cleaned them")
        int bodiesSanitized,
        @Schema(description = "Users without a password hash in the document who kept the password of the user with "
                + "the same e-mail address here")
        int passwordsKept,
        @Schema(description = "Users without a password hash in the document and none here to keep: they cannot sign "
                + "in until an admin sets their password")
        int usersWithoutPassword) {

    @Schema(name = "RestoreCounts")
    public record Counts(int users, int categories, int pages, int formerPaths, int posts, int formerSlugs,
                         int menus, int menuItems, int comments, int blocklistWords, int importedItems,
                         int importedPages, int importRedirects) {
    }
}
