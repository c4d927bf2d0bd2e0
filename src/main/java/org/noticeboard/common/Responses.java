package org.noticeboard.common;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The two response shapes that need more than an entity, paged lists and creations, and the one with none. */
public final class Responses {

    /**
     * What an operation answering 204 produces: no representation, so nothing to negotiate and no Accept to refuse
     * (RFC 9110, section 12.5.1); its errors are problem documents whatever Accept names. Generated clients send
     * exactly the media types the document declares for an operation, which for these is the problem type alone.
     */
    public static final String NO_CONTENT = MediaType.WILDCARD;

    private Responses() {
    }

    /** Paged lists go out with an RFC 8288 {@code Link} header: first, prev, next and last. */
    public static <T> RestResponse<Paged<T>> paged(Paged<T> paged, UriInfo uriInfo) {
        return paged(paged, paged.page(), paged.totalPages(), uriInfo);
    }

    /** The same Link header for a body that is the paged shape with more beside it. */
    public static <B> RestResponse<B> paged(B body, int page, int totalPages, UriInfo uriInfo) {
        List<String> links = new ArrayList<>();
        int lastPage = Math.max(totalPages, 1);
        links.add(link(uriInfo, 1, "first"));
        if (page > 1) {
            links.add(link(uriInfo, Math.min(page - 1, lastPage), "prev"));
        }
        if (page < totalPages) {
            links.add(link(uriInfo, page + 1, "next"));
        }
        links.add(link(uriInfo, lastPage, "last"));
        return RestResponse.ResponseBuilder.ok(body)
                .header("Link", String.join(", ", links))
                .build();
    }

    /** 201 with the new resource's address in Location and its representation in the body. */
    public static <T> RestResponse<T> created(String location, T entity) {
        return RestResponse.ResponseBuilder.<T>created(URI.create(location)).entity(entity).build();
    }

    /** Root-relative targets stay right behind any proxy that rewrites the host. */
    private static String link(UriInfo uriInfo, int page, String relation) {
        UriBuilder target = UriBuilder.fromUri(uriInfo.getRequestUri())
                .scheme(null).host(null).port(-1).userInfo(null)
                .replaceQueryParam("page", page);
        return "<" + target.build() + ">; rel=\"" + relation + "\"";
    }
}
