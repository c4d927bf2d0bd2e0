package org.noticeboard.export;

import java.util.List;

/**
 * Where a restore's rows go, parents before children and in the order of the document's parts. {@link #NONE} takes
 * them nowhere: a document is read through it to the end when the site is not empty, so that a broken document is
 * called broken wherever it is sent.
 */
interface RestoreRows {

    RestoreRows NONE = new RestoreRows() {
    };

    /** Every user, with the password hash each will have. */
    default void users(List<SiteExport.User> users) {
    }

    default void site(SiteExport.Site site) {
    }

    default void category(SiteExport.Category category, String at) {
    }

    /** @param bodyHtml the body as the sanitiser leaves it */
    default void page(SiteExport.Page page, String bodyHtml, String at) {
    }

    /** @param bodyHtml the body as the sanitiser leaves it */
    default void post(SiteExport.Post post, String bodyHtml, String at) {
    }

    /** The menu itself; its items follow through {@link #menuItem}. */
    default void menu(SiteExport.Menu menu, String at) {
    }

    default void menuItem(long menuId, SiteExport.MenuItem item, String at) {
    }

    default void comment(SiteExport.Comment comment, String at) {
    }

    default void blocklistWord(String word, String at) {
    }

    default void importedItem(SiteExport.ImportedItem item, String at) {
    }

    default void importedPage(SiteExport.ImportedPage item, String at) {
    }

    default void importRedirect(SiteExport.ImportRedirect redirect, String at) {
    }

    /** Writes what is waiting: called at the end of each part whose rows the next part refers to. */
    default void flush() {
    }

    /** After the last row: what only the written rows can show, and the id sequences. */
    default void finish() {
    }
}
