package org.noticeboard.category;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.noticeboard.common.ApiSecurity;
import org.noticeboard.common.CurrentUser;
import org.noticeboard.common.MergePatch;
import org.noticeboard.common.Preconditions;
import org.noticeboard.common.Responses;
import org.noticeboard.common.Roles;

import java.util.List;

@Path("/api/categories")
@Tag(name = "Categories")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiSecurity.BEARER)
public class CategoryResource {

    private final CategoryService categories;
    private final CurrentUser currentUser;
    private final MergePatch mergePatch;

    CategoryResource(CategoryService categories, CurrentUser currentUser, MergePatch mergePatch) {
        this.categories = categories;
        this.currentUser = currentUser;
        this.mergePatch = mergePatch;
    }

    @GET
    @Operation(operationId = "listCategories",
            summary = "List all categories by name, each with its number of published posts")
    @SecurityRequirements
    public List<CategoryResponse> list() {
        return categories.list();
    }

    @GET
    @Path("/{slug}")
    @Operation(operationId = "getCategory", summary = "Read one category by its slug")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "The category; read signed in, its ETag is what If-Match takes to change it")
    @APIResponse(responseCode = "404", description = "No category has this slug")
    public CategoryResponse get(@Parameter(description = "The category's slug, e.g. newsletters") @RestPath String slug) {
        return categories.bySlug(slug, currentUser.isEditor());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "createCategory", summary = "Create a category (editors and admins)")
    @APIResponse(responseCode = "201", description = "Created; Location gives its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CategoryResponse.class)))
    @APIResponse(responseCode = "409", description = "The slug is taken")
    @APIResponse(responseCode = "422", description = "A field is missing or invalid")
    public RestResponse<CategoryResponse> create(@Valid @NotNull CategoryRequest request) {
        CategoryResponse created = categories.create(request);
        return Responses.created("/api/categories/" + created.slug(), created);
    }

    @PUT
    @Path("/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "updateCategory", summary = "Replace a category (editors and admins)")
    @APIResponse(responseCode = "200", description = "The updated category")
    @APIResponse(responseCode = "409", description = "The slug is taken, or the parent is the category itself or below it")
    @APIResponse(responseCode = "422", description = "A field is missing or invalid")
    public CategoryResponse update(@Parameter(description = "The category's slug") @RestPath String slug,
                                   @Parameter(description = Preconditions.IF_MATCH) @HeaderParam("If-Match") String ifMatch,
                                   @Valid @NotNull CategoryRequest request) {
        return categories.update(slug, request, Preconditions.fromIfMatch(ifMatch));
    }

    @PATCH
    @Path("/{slug}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "patchCategory",
            summary = "Change some fields of a category (JSON Merge Patch; editors and admins)")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = CategoryRequest.class)))
    @APIResponse(responseCode = "200", description = "The updated category")
    @APIResponse(responseCode = "409", description = "The slug is taken, or the parent is the category itself or below it")
    @APIResponse(responseCode = "422", description = "A field is missing or invalid")
    public CategoryResponse patch(@Parameter(description = "The category's slug") @RestPath String slug,
                                  @Parameter(description = Preconditions.IF_MATCH) @HeaderParam("If-Match") String ifMatch,
                                  JsonNode patch) {
        return categories.update(slug, mergePatch.apply(categories.currentRequest(slug), patch, CategoryRequest.class),
                Preconditions.fromIfMatch(ifMatch));
    }

    @DELETE
    @Produces(Responses.NO_CONTENT)
    @Path("/{slug}")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "deleteCategory",
            summary = "Delete a category (editors and admins); its posts stay, without it")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "It has subcategories, or menu items link to it; they are listed")
    public void delete(@Parameter(description = "The category's slug") @RestPath String slug,
                       @Parameter(description = Preconditions.IF_MATCH) @HeaderParam("If-Match") String ifMatch,
                       @Parameter(description = "true: also remove the menu items that link to the category")
                       @QueryParam("removeMenuLinks") @DefaultValue("false") boolean removeMenuLinks) {
        categories.delete(slug, Preconditions.fromIfMatch(ifMatch), removeMenuLinks);
    }
}
