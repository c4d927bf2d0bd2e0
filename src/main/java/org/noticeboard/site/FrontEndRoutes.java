package org.noticeboard.site;

import java.net.URI;

/**
 * The paths a front end routes to. Every link the API resolves (menus, breadcrumbs, post and category
 * paths) is built here, so the whole URL scheme reads in one place.
 */
public final class FrontEndRoutes {

    public static final String NEWS = "/news";

    private FrontEndRoutes() {
    }

    public static String page(String pagePath) {
        return "/" + pagePath;
    }

    public static String post(String slug) {
        return NEWS + "/" + slug;
    }

    public static String category(String slug) {
        return NEWS + "/category/" + slug;
    }

    public static String archive(int year, int month) {
        return String.format("%s/archive/%d/%02d", NEWS, year, month);
    }

    /**
     * A front-end path as an absolute URL on the organisation's site: feeds and partner sites need those.
     * Without a site URL setting, the API's own host stands in (for a front end served from it).
     */
    public static String absolute(String siteUrl, URI apiBase, String path) {
        String base = siteUrl != null ? siteUrl : apiBase.toString();
        return URI.create(base.endsWith("/") ? base : base + "/").resolve(path.substring(1)).toString();
    }
}
