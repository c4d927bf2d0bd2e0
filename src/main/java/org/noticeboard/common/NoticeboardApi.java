package org.noticeboard.common;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@OpenAPIDefinition(
        info = @Info(title = "Noticeboard API", version = "1.0", description = """
                Headless content API for the websites of community organisations: site settings, menus, \
                pages, news posts, categories and monthly archives, served as JSON.

                Public reads need no credentials and only ever show published content. Lists are paged as \
                `{items, page, perPage, total, totalPages}` with an RFC 8288 `Link` header; errors are RFC 9457 \
                `application/problem+json`.

                **Limits.** Request bodies up to 4 MiB (larger: 413; files sent to `POST /api/imports` up to 1 GiB), sent with `Content-Type` and `Content-Length`, \
                uncompressed; path and query up to 8 KiB (414); request headers up to 16 KiB in total (431). Paths with \
                `.` or `..` segments, `//`, `;` or backslashes, and values that do not percent-decode to UTF-8 text \
                without control characters, are refused with 400.

                **Editing.** Sign in: "Try it out" on signIn (POST /api/auth/token) with your e-mail address and password; \
                Swagger UI then sends the token it answers with. Or paste a session or API token into "Authorize". \
                Editors manage posts, pages and categories; admins also menus, site settings, users and API tokens. \
                Signed in, reads include drafts and an `audit` block, and are never cached. Every update and delete \
                takes `If-Match` with the resource's editing tag, the `ETag` of a signed-in read of it or of your last \
                change to it: a stale one, or a public read's `ETag`, gets 412, a missing one 428. \
                PATCH takes a JSON Merge Patch (RFC 7396)."""),
        tags = {
                @Tag(name = "Site", description = "Site-wide settings"),
                @Tag(name = "Menus", description = "Navigation menus as whole trees"),
                @Tag(name = "Pages", description = "The tree of pages, addressed by id or full path"),
                @Tag(name = "Posts", description = "News posts"),
                @Tag(name = "Categories", description = "Categories of news posts"),
                @Tag(name = "Archives", description = "Months that have posts"),
                @Tag(name = "Sign-in", description = "Bearer tokens from e-mail address and password"),
                @Tag(name = "Users", description = "People who edit the site (admins only)"),
                @Tag(name = "API tokens", description = "Long-lived tokens for scripts (admins only)"),
                @Tag(name = "Feeds", description = "RSS, Atom and JSON Feed of the published posts, for feed readers"),
                @Tag(name = "Embedding", description = "The news widget for partner sites, and oEmbed"),
                @Tag(name = "Comments", description = "Readers' comments on posts: reading threads and sending comments, "
                        + "no account needed"),
                @Tag(name = "Comment moderation", description = "The moderation queue, its actions and the blocklist "
                        + "(editors and admins), and the one-click links of the mails about held comments"),
                @Tag(name = "Search", description = "Full-text search of the published posts and pages"),
                @Tag(name = "Import", description = "Posts from another site's RSS or Atom feed (admins only)"),
                @Tag(name = "Export", description = "The whole site as one document, to keep or to move (admins only)"),
                @Tag(name = "Problems", description = "Explanations of the problem types errors carry")
        },
        // Referenced by every error response (see ApiDocumentFilter) but by no method signature.
        components = @Components(schemas = @Schema(name = "Problem", implementation = Problem.class)))
@SecurityScheme(securitySchemeName = ApiSecurity.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A session token from signIn (POST /api/auth/token), or an API token (nba_...)")
public class NoticeboardApi extends Application {
}
