package org.noticeboard.common;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@OpenAPIDefinition(
        info = @Info(title = "Noticeboard API", version = "1.0", description = """
                Headless content API for the websites of community organisations: site settings, menus, \
                pages, news posts, categories and monthly archives, served as JSON.

                Public reads need no credentials and only ever show published content. Lists are paged as \
                `{items, page, perPage, total, totalPages}` with an RFC 8288 `Link` header; errors are RFC 9457 \
                `application/problem+json`."""),
        tags = {
                @Tag(name = "Site", description = "Site-wide settings"),
                @Tag(name = "Menus", description = "Navigation menus as whole trees"),
                @Tag(name = "Pages", description = "The tree of pages, addressed by id or full path"),
                @Tag(name = "Posts", description = "News posts"),
                @Tag(name = "Categories", description = "Categories of news posts"),
                @Tag(name = "Archives", description = "Months that have posts"),
                @Tag(name = "Problems", description = "Explanations of the problem types errors carry")
        },
        // Referenced by every error response (see ProblemResponsesFilter) but by no method signature.
        components = @Components(schemas = @Schema(name = "Problem", implementation = Problem.class)))
public class NoticeboardApi extends Application {
}
