package org.noticeboard.category;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import java.util.List;

@Path("/api/categories")
@Tag(name = "Categories")
@Produces(MediaType.APPLICATION_JSON)
public class CategoryResource {

    private final CategoryService categories;

    CategoryResource(CategoryService categories) {
        this.categories = categories;
    }

    @GET
    @Operation(summary = "List all categories by name, each with its number of published posts")
    public List<CategoryResponse> list() {
        return categories.list();
    }

    @GET
    @Path("/{slug}")
    @Operation(summary = "Read one category by its slug")
    @APIResponse(responseCode = "200", description = "The category")
    @APIResponse(responseCode = "404", description = "No category has this slug")
    public CategoryResponse get(@Parameter(description = "The category's slug, e.g. newsletters") @RestPath String slug) {
        return categories.bySlug(slug);
    }
}
