package org.noticeboard.export;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.noticeboard.comment.CommentState;
import org.noticeboard.menu.LinkType;
import org.noticeboard.page.PageStatus;
import org.noticeboard.post.CommentStatus;
import org.noticeboard.post.PostStatus;
import org.noticeboard.site.CommentModeration;
import org.noticeboard.site.SiteLanguage;
import org.noticeboard.user.Role;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The whole site as one document, format {@value #FORMAT} version {@value #VERSION}: what GET /api/export streams,
 * described for other tools by openapi/export.schema.json. Every list is in id order, every value as stored, and
 * nothing in it depends on when it was written, so that the same content always gives the same bytes. Derived data
 * (search indexes, archive counts) and secrets (API tokens, signing keys) are not in it.
 */
/* The example is a small site whose one admin is the dev server's (application.properties): a plain export keeps
 * the password of the admin here with the same e-mail address. */
@Schema(name = "SiteExport",
        requiredProperties = {"format", "version", "full", "site", "users", "categories", "pages", "posts", "menus",
                "comments", "commentBlocklist", "importedItems", "importedPages", "importRedirects"},
        description = "The whole site: format noticeboard-export, version 1", examples = """
        {
          "format": "noticeboard-export",
          "version": 1,
          "full": false,
          "site": {"name": "BPRCVS", "tagline": null, "about": null, "contactEmail": null, "contactPhone": null,
                   "contactAddress": null, "siteUrl": null, "timezone": "Europe/London", "language": "english",
                   "commentsOpenByDefault": true, "commentsAutoCloseDays": null, "commentModeration": "all-held",
                   "commentMaxLinks": 2, "commentThreadDepth": 2, "feedSiteId": "0b5c3f5e-8d1a-4c55-9d0e-2f4f1b7a9c21",
                   "version": 1, "updatedAt": "2025-07-16T09:00:00Z", "updatedBy": 1},
          "users": [{"id": 1, "email": "admin@noticeboard.test", "displayName": "Dev Admin", "role": "admin",
                     "passwordHash": null, "version": 0,
                     "audit": {"createdAt": "2025-07-16T09:00:00Z", "updatedAt": "2025-07-16T09:00:00Z",
                               "createdBy": null, "updatedBy": null}}],
          "categories": [{"id": 1, "slug": "newsletters", "name": "Newsletters", "description": null, "parentId": null,
                          "version": 0, "audit": {"createdAt": "2025-07-16T09:00:00Z", "updatedAt": "2025-07-16T09:00:00Z", "createdBy": 1, "updatedBy": 1}}],
          "pages": [{"id": 1, "parentId": null, "slug": "about-us", "path": "about-us", "title": "About us",
                     "summary": null, "bodyHtml": "<p>Who we are.</p>", "position": 0, "status": "published",
                     "metaDescription": null, "formerPaths": [], "version": 0, "audit": {"createdAt": "2025-07-16T09:00:00Z", "updatedAt": "2025-07-16T09:00:00Z", "createdBy": 1, "updatedBy": 1}}],
          "posts": [{"id": 1, "slug": "summer-fair", "title": "Summer fair", "excerpt": "On the green.",
                     "bodyHtml": "<p>On the green.</p>", "featuredImageUrl": null, "featuredImageAlt": null,
                     "authorName": null, "status": "published", "publishedAt": "2025-07-16T09:00:00Z",
                     "commentStatus": "open", "categoryIds": [1], "formerSlugs": [], "version": 0, "audit": {"createdAt": "2025-07-16T09:00:00Z", "updatedAt": "2025-07-16T09:00:00Z", "createdBy": 1, "updatedBy": 1}}],
          "menus": [{"id": 1, "slug": "main", "name": "Main menu", "version": 0, "audit": {"createdAt": "2025-07-16T09:00:00Z", "updatedAt": "2025-07-16T09:00:00Z", "createdBy": 1, "updatedBy": 1},
                     "items": [{"id": 1, "parentId": null, "position": 0, "label": "About us", "linkType": "page",
                                "pageId": 1, "postId": null, "categoryId": null, "archiveYear": null,
                                "archiveMonth": null, "url": null, "version": 0, "audit": {"createdAt": "2025-07-16T09:00:00Z", "updatedAt": "2025-07-16T09:00:00Z", "createdBy": 1, "updatedBy": 1}}]}],
          "comments": [],
          "commentBlocklist": [],
          "importedItems": [],
          "importedPages": [],
          "importRedirects": []
        }""")
public record SiteExport(
        @Schema(enumeration = FORMAT) String format,
        @Schema(description = "Raised when a change to the format would mislead a reader of an older one") int version,
        @Schema(description = "Whether users' password hashes and commenters' IP addresses are in it (?full=true)")
        boolean full,
        Site site,
        List<User> users,
        List<Category> categories,
        List<Page> pages,
        List<Post> posts,
        List<Menu> menus,
        List<Comment> comments,
        @Schema(description = "The moderators' blocklist, in alphabetical order") List<String> commentBlocklist,
        @Schema(description = "Which feed items became which posts (POST /api/imports/feed), by source and id")
        List<ImportedItem> importedItems,
        @Schema(description = "Which WordPress pages became which pages (POST /api/imports/wordpress), by source and id")
        List<ImportedPage> importedPages,
        @Schema(description = "The old site's other addresses of imported content (/?p=123, /category/news/), by address")
        List<ImportRedirect> importRedirects) {

    public static final String FORMAT = "noticeboard-export";
    public static final int VERSION = 1;

    /** Who made and last changed a row, and when; ids of users, null for the system (demo content, imports). */
    @Schema(name = "ExportAudit", requiredProperties = {"createdAt", "updatedAt", "createdBy", "updatedBy"})
    public record Audit(Instant createdAt,
                        Instant updatedAt,
                        @Schema(nullable = true) Long createdBy,
                        @Schema(nullable = true) Long updatedBy) {
    }

    @Schema(name = "ExportSite",
            requiredProperties = {"name", "tagline", "about", "contactEmail", "contactPhone", "contactAddress",
                    "siteUrl", "timezone", "language", "commentsOpenByDefault", "commentsAutoCloseDays",
                    "commentModeration", "commentMaxLinks", "commentThreadDepth", "feedSiteId", "version",
                    "updatedAt", "updatedBy"})
    public record Site(String name,
                       @Schema(nullable = true) String tagline,
                       @Schema(nullable = true) String about,
                       @Schema(nullable = true) String contactEmail,
                       @Schema(nullable = true) String contactPhone,
                       @Schema(nullable = true) String contactAddress,
                       @Schema(nullable = true) String siteUrl,
                       String timezone,
                       SiteLanguage language,
                       boolean commentsOpenByDefault,
                       @Schema(nullable = true) Integer commentsAutoCloseDays,
                       CommentModeration commentModeration,
                       int commentMaxLinks,
                       int commentThreadDepth,
                       @Schema(description = "Feed ids are built on it: keep it, and feed readers see no new items")
                       UUID feedSiteId,
                       long version,
                       Instant updatedAt,
                       @Schema(nullable = true) Long updatedBy) {
    }

    @Schema(name = "ExportUser",
            requiredProperties = {"id", "email", "displayName", "role", "passwordHash", "version", "audit"})
    public record User(long id,
                       String email,
                       String displayName,
                       Role role,
                       @Schema(description = "Only in a full export; null otherwise", nullable = true)
                       String passwordHash,
                       long version,
                       Audit audit) {
    }

    @Schema(name = "ExportCategory",
            requiredProperties = {"id", "slug", "name", "description", "parentId", "version", "audit"})
    public record Category(long id,
                           String slug,
                           String name,
                           @Schema(nullable = true) String description,
                           @Schema(nullable = true) Long parentId,
                           long version,
                           Audit audit) {
    }

    /** A path the page had before, which answers 301 to its present one. */
    @Schema(name = "ExportFormerPath", requiredProperties = {"path", "createdAt"})
    public record FormerPath(String path, Instant createdAt) {
    }

    @Schema(name = "ExportPage",
            requiredProperties = {"id", "parentId", "slug", "path", "title", "summary", "bodyHtml", "position",
                    "status", "metaDescription", "formerPaths", "version", "audit"})
    public record Page(long id,
                       @Schema(nullable = true) Long parentId,
                       String slug,
                       String path,
                       String title,
                       @Schema(nullable = true) String summary,
                       String bodyHtml,
                       int position,
                       PageStatus status,
                       @Schema(nullable = true) String metaDescription,
                       List<FormerPath> formerPaths,
                       long version,
                       Audit audit) {
    }

    /** A slug the post had before, which answers 301 to its present one. */
    @Schema(name = "ExportFormerSlug", requiredProperties = {"slug", "createdAt"})
    public record FormerSlug(String slug, Instant createdAt) {
    }

    @Schema(name = "ExportPost",
            requiredProperties = {"id", "slug", "title", "excerpt", "bodyHtml", "featuredImageUrl",
                    "featuredImageAlt", "authorName", "status", "publishedAt", "commentStatus", "categoryIds",
                    "formerSlugs", "version", "audit"})
    public record Post(long id,
                       String slug,
                       String title,
                       @Schema(nullable = true) String excerpt,
                       String bodyHtml,
                       @Schema(nullable = true) String featuredImageUrl,
                       @Schema(nullable = true) String featuredImageAlt,
                       @Schema(nullable = true) String authorName,
                       @Schema(description = "As stored: a scheduled post whose time has come is public")
                       PostStatus status,
                       @Schema(nullable = true) Instant publishedAt,
                       CommentStatus commentStatus,
                       List<Long> categoryIds,
                       List<FormerSlug> formerSlugs,
                       long version,
                       Audit audit) {
    }

    @Schema(name = "ExportMenu", requiredProperties = {"id", "slug", "name", "items", "version", "audit"})
    public record Menu(long id, String slug, String name, List<MenuItem> items, long version, Audit audit) {
    }

    /** Items in id order, each naming its parent; position orders siblings. */
    @Schema(name = "ExportMenuItem",
            requiredProperties = {"id", "parentId", "position", "label", "linkType", "pageId", "postId",
                    "categoryId", "archiveYear", "archiveMonth", "url", "version", "audit"})
    public record MenuItem(long id,
                           @Schema(nullable = true) Long parentId,
                           int position,
                           String label,
                           LinkType linkType,
                           @Schema(nullable = true) Long pageId,
                           @Schema(nullable = true) Long postId,
                           @Schema(nullable = true) Long categoryId,
                           @Schema(nullable = true) Integer archiveYear,
                           @Schema(nullable = true) Integer archiveMonth,
                           @Schema(nullable = true) String url,
                           long version,
                           Audit audit) {
    }

    /** A feed item imported as a post; postId is null once the post was deleted, so that it is not imported again. */
    @Schema(name = "ExportImportedItem", requiredProperties = {"source", "externalId", "postId", "link", "importedAt"})
    public record ImportedItem(String source,
                               String externalId,
                               @Schema(nullable = true) Long postId,
                               @Schema(nullable = true) String link,
                               Instant importedAt) {
    }

    @Schema(name = "ExportComment",
            requiredProperties = {"id", "postId", "parentId", "depth", "status", "previousStatus", "heldReason",
                    "authorName", "authorEmail", "authorWebsite", "body", "ipAddress", "fingerprint", "editedAt",
                    "editedBy", "moderatedAt", "moderatedBy", "version", "createdAt", "updatedAt"})
    public record Comment(long id,
                          long postId,
                          @Schema(nullable = true) Long parentId,
                          int depth,
                          CommentState status,
                          @Schema(nullable = true) CommentState previousStatus,
                          @Schema(nullable = true) String heldReason,
                          String authorName,
                          String authorEmail,
                          @Schema(nullable = true) String authorWebsite,
                          String body,
                          @Schema(description = "Only in a full export; null otherwise", nullable = true)
                          String ipAddress,
                          String fingerprint,
                          @Schema(nullable = true) Instant editedAt,
                          @Schema(nullable = true) Long editedBy,
                          @Schema(nullable = true) Instant moderatedAt,
                          @Schema(nullable = true) Long moderatedBy,
                          long version,
                          Instant createdAt,
                          Instant updatedAt) {
    }

    /** A WordPress page imported as a page; pageId is null once the page was deleted, so that it is not imported again. */
    @Schema(name = "ExportImportedPage", requiredProperties = {"source", "externalId", "pageId", "link", "importedAt"})
    public record ImportedPage(String source,
                               String externalId,
                               @Schema(nullable = true) Long pageId,
                               @Schema(nullable = true) String link,
                               Instant importedAt) {
    }

    /** An address of the old site and the one post, page or category it leads to. */
    @Schema(name = "ExportImportRedirect",
            requiredProperties = {"fromUrl", "postId", "pageId", "categoryId", "createdAt"})
    public record ImportRedirect(String fromUrl,
                                 @Schema(nullable = true) Long postId,
                                 @Schema(nullable = true) Long pageId,
                                 @Schema(nullable = true) Long categoryId,
                                 Instant createdAt) {
    }
}
