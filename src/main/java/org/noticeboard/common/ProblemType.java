package org.noticeboard.common;

import java.util.Arrays;
import java.util.Optional;

/**
 * The stable problem types of RFC 9457 responses. A type's URI never changes once published: clients
 * branch on it. Each resolves to a short explanation served by {@link ProblemTypeResource}.
 */
public enum ProblemType {
    NOT_FOUND("not-found", "Resource not found", 404,
            "Nothing public exists at this address: the id, slug or path is unknown, or the content is not published."),
    INVALID_QUERY("invalid-query", "Invalid query parameter", 400,
            "A query parameter is unknown or its value is outside what the operation accepts; the detail names the allowed values."),
    MALFORMED_REQUEST("malformed-request", "Malformed request", 400,
            "The request body is not valid JSON of the expected shape: a syntax error, a value of the wrong type, "
                    + "or a property the operation does not know (typos are refused rather than ignored)."),
    VALIDATION_FAILED("validation-failed", "Validation failed", 422,
            "The request is well formed but some fields are missing or invalid; each is listed in errors."),
    UNAUTHORIZED("unauthorized", "Sign-in required", 401,
            "The operation needs a valid bearer token (from POST /api/auth/token, or an API token), and none was "
                    + "sent, or the one sent is unknown, expired or revoked, or the Authorization header is not "
                    + "'Bearer <token>' (another scheme, or no token)."),
    FORBIDDEN("forbidden", "Not allowed", 403,
            "You are signed in, but your role may not do this. Editors manage posts, pages and categories; admins "
                    + "manage everything."),
    ORIGIN_NOT_ALLOWED("origin-not-allowed", "Origin not allowed", 403,
            "A browser on another site tried to write. Writes from web pages are accepted only from the origins "
                    + "listed in NOTICEBOARD_ADMIN_ORIGINS; reading is open to every site."),
    TOO_MANY_REQUESTS("too-many-requests", "Too many attempts", 429,
            "Too many failed sign-ins for this account or from this address, or too many comments from this network "
                    + "or e-mail address in a short time; try again after Retry-After seconds."),
    COMMENTS_CLOSED("comments-closed", "Comments are closed", 403,
            "The post takes no comments: it was closed by an editor, or the site closes comments a number of days "
                    + "after publication. The detail is the sentence to show the reader."),
    DUPLICATE_COMMENT("duplicate-comment", "Duplicate comment", 409,
            "The same comment, from the same e-mail address, was already sent on this post; it is not stored twice."),
    LINK_SPENT("link-spent", "Link used or expired", 410,
            "A moderator's one-click link from a mail was used already, has expired, or its comment was moderated "
                    + "another way; nothing was changed. The moderation queue has the comment."),
    INVALID_FEED("invalid-feed", "Not a readable feed", 400,
            "An import was sent a body that is not an RSS 2.0 or Atom feed that can be read (malformed XML, a DTD, "
                    + "another kind of document); the detail says what was wrong. Nothing was imported."),
    INVALID_WORDPRESS_EXPORT("invalid-wordpress-export", "Not a readable WordPress export", 400,
            "An import was sent a file that is not a WordPress export (WXR) that can be read: malformed XML, a DTD, an "
                    + "RSS feed or another kind of document; the detail says what was wrong and where. Nothing was imported."),
    INVALID_EXPORT("invalid-export", "Not a restorable export", 400,
            "A restore was sent a document that is not a complete, consistent noticeboard-export of version 1: "
                    + "malformed or truncated JSON, a key given twice, an unknown property, another format or version, "
                    + "a reference to something not in the document, a page path that is not its parent's path and "
                    + "its slug, or a row the database refuses. The detail says where. Nothing was restored."),
    SITE_NOT_EMPTY("site-not-empty", "The site is not empty", 409,
            "An export is restored only into an empty site: this one already holds categories, pages, posts, menus, "
                    + "comments, blocklist words or imported items, which the detail counts. Nothing was changed."),
    CONFLICT("conflict", "Conflict", 409,
            "The change would clash with existing content: a slug or path already taken, a page moved under itself, "
                    + "or something still referring to what you want to delete. The conflicts are listed."),
    PRECONDITION_FAILED("precondition-failed", "Precondition failed", 412,
            "The resource changed since you read it (If-Match no longer matches its editing tag), or If-Match named "
                    + "a public read's ETag, which changes do not take. Nothing was changed: read it again signed in, "
                    + "reapply your edit and retry."),
    PRECONDITION_REQUIRED("precondition-required", "Precondition required", 428,
            "Updates and deletes must carry If-Match with the ETag of a signed-in read of the resource, so that "
                    + "nobody overwrites another person's edit by accident."),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405,
            "This address exists but does not support the HTTP method used."),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406,
            "The server cannot produce a representation matching the Accept header."),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415,
            "The request body's Content-Type is missing or not one this operation accepts, or the body is compressed "
                    + "(Content-Encoding): send it uncompressed."),
    INVALID_PATH("invalid-path", "Invalid path", 400,
            "The address cannot be read safely: a '.' or '..' segment (written or percent-encoded), an empty segment, "
                    + "a backslash or ';', bad percent-encoding, bytes that are not UTF-8, or a control character."),
    INVALID_HEADER("invalid-header", "Invalid header", 400,
            "A request header the API reads (Accept, Content-Type, If-Match, If-None-Match) is not in the syntax "
                    + "HTTP defines for it; the detail names the header."),
    LENGTH_REQUIRED("length-required", "Length required", 411,
            "A request body must come with Content-Length; chunked request bodies are not accepted."),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", 413,
            "The request body is larger than the API accepts; the detail says the limit."),
    URI_TOO_LONG("uri-too-long", "Address too long", 414,
            "The request's path and query are longer than the API accepts; the detail says the limit."),
    HEADERS_TOO_LARGE("headers-too-large", "Request headers too large", 431,
            "The request's headers are larger in total than the API accepts; the detail says the limit."),
    HTTP_ERROR("http-error", "HTTP error", 400,
            "A protocol-level error; the status and detail say which."),
    FORMAT_NOT_IMPLEMENTED("format-not-implemented", "Format not implemented", 501,
            "oEmbed responses are served as JSON only (format=json), as the oEmbed specification allows."),
    SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable", 503,
            "The database cannot be reached just now: it is stopped, restarting or out of connections. The request "
                    + "was not served; try again after Retry-After seconds. The server recovers by itself as soon as the "
                    + "database is back. A write refused this way was not saved, unless the database failed while "
                    + "committing it: read the resource before repeating a write whose outcome matters."),
    INTERNAL_ERROR("internal-error", "Internal server error", 500,
            "Something failed on the server. The detail carries a reference to quote when reporting it.");

    private final String slug;
    private final String title;
    private final int defaultStatus;
    private final String description;

    ProblemType(String slug, String title, int defaultStatus, String description) {
        this.slug = slug;
        this.title = title;
        this.defaultStatus = defaultStatus;
        this.description = description;
    }

    public String uri() {
        return "/problems/" + slug;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public int defaultStatus() {
        return defaultStatus;
    }

    public String description() {
        return description;
    }

    public static Optional<ProblemType> bySlug(String slug) {
        return Arrays.stream(values()).filter(type -> type.slug.equals(slug)).findFirst();
    }
}
