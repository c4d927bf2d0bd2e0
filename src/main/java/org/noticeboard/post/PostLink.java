package org.noticeboard.post;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.noticeboard.site.FrontEndRoutes;

import java.time.Instant;

/** A neighbouring post, enough to render a "previous / next" link. */
@Schema(name = "PostLink")
public record PostLink(long id, String slug, String title, String path, Instant publishedAt) {

    public PostLink(long id, String slug, String title, Instant publishedAt) {
        this(id, slug, title, FrontEndRoutes.post(slug), publishedAt);
    }
}
