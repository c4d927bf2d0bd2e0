package org.noticeboard.menu;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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

/**
 * Menus and their items. Every change to an item is a change to its menu: item operations take the
 * menu's ETag in If-Match and answer with the whole menu, whose new ETag the next change needs.
 */
@Path("/api/menus")
@Tag(name = "Menus")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiSecurity.BEARER)
public class MenuResource {

    private final MenuService menus;
    private final CurrentUser currentUser;
    private final MergePatch mergePatch;

    MenuResource(MenuService menus, CurrentUser currentUser, MergePatch mergePatch) {
        this.menus = menus;
        this.currentUser = currentUser;
        this.mergePatch = mergePatch;
    }

    @GET
    @Operation(operationId = "listMenus", summary = "List every menu with its whole nested tree")
    @SecurityRequirements
    public List<MenuResponse> list() {
        return menus.list(currentUser.isEditor());
    }

    @GET
    @Path("/{slug}")
    @Operation(operationId = "getMenu",
            summary = "Read one menu's whole nested tree, every link resolved to a path or URL; signed-in "
            + "editors also see items hidden from the public, marked hidden")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "The menu; read signed in, its ETag is what If-Match takes to change it or its items")
    @APIResponse(responseCode = "404", description = "No menu has this slug")
    public MenuResponse get(@Parameter(description = "The menu's slug, e.g. main") @RestPath String slug) {
        return menus.bySlug(slug, currentUser.isEditor());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createMenu", summary = "Create a menu, optionally with its whole tree (admins only)")
    @APIResponse(responseCode = "201", description = "Created; Location gives its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MenuResponse.class)))
    @APIResponse(responseCode = "409", description = "The slug is taken")
    @APIResponse(responseCode = "422", description = "A field is missing or invalid, or a link names nothing")
    public RestResponse<MenuResponse> create(@Valid @NotNull MenuRequest request) {
        MenuResponse created = menus.create(request);
        return Responses.created("/api/menus/" + created.slug(), created);
    }

    @PUT
    @Path("/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "replaceMenu",
            summary = "Replace a menu's name and whole tree in one request (admins only)")
    @APIResponse(responseCode = "200", description = "The new menu; its items have new ids")
    @APIResponse(responseCode = "409", description = "The new slug is taken")
    @APIResponse(responseCode = "422", description = "A field is missing or invalid, or a link names nothing")
    public MenuResponse replace(@Parameter(description = "The menu's slug") @RestPath String slug,
                                @Parameter(description = Preconditions.MENU_IF_MATCH) @HeaderParam("If-Match") String ifMatch,
                                @Valid @NotNull MenuRequest request) {
        return menus.replace(slug, request, Preconditions.fromIfMatch(ifMatch));
    }

    @PATCH
    @Path("/{slug}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "renameMenu", summary = "Rename a menu or change its slug (JSON Merge Patch; admins only)")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = MenuNameRequest.class)))
    @APIResponse(responseCode = "200", description = "The renamed menu")
    @APIResponse(responseCode = "409", description = "The new slug is taken")
    public MenuResponse rename(@Parameter(description = "The menu's slug") @RestPath String slug,
                               @Parameter(description = Preconditions.MENU_IF_MATCH) @HeaderParam("If-Match") String ifMatch,
                               JsonNode patch) {
        MenuResponse current = menus.bySlug(slug, true);
        MenuNameRequest renamed = mergePatch.apply(new MenuNameRequest(current.slug(), current.name()), patch, MenuNameRequest.class);
        return menus.rename(slug, renamed.slug(), renamed.name(), Preconditions.fromIfMatch(ifMatch));
    }

    @DELETE
    @Produces(Responses.NO_CONTENT)
    @Path("/{slug}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deleteMenu", summary = "Delete a menu and all its items (admins only)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@Parameter(description = "The menu's slug") @RestPath String slug,
                       @Parameter(description = Preconditions.MENU_IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        menus.delete(slug, Preconditions.fromIfMatch(ifMatch));
    }

    @GET
    @Path("/{slug}/items/{id: [1-9][0-9]*}")
    @Operation(operationId = "getMenuItem", summary = "Read one menu item with its children")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "The item")
    @APIResponse(responseCode = "404", description = "No such menu, or no such item in it")
    public MenuItemResponse item(@Parameter(description = "The menu's slug") @RestPath String slug,
                                 @Parameter(description = "The item's id") @RestPath @Min(1) long id) {
        return menus.item(slug, id, currentUser.isEditor());
    }

    @POST
    @Path("/{slug}/items")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "addMenuItem",
            summary = "Add an item to a menu (admins only); answers with the whole menu")
    @APIResponse(responseCode = "201", description = "Added; Location gives the item's address, the body is the menu",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MenuResponse.class)))
    @APIResponse(responseCode = "409", description = "The menu holds " + MenuService.MAX_ITEMS + " items, the most a menu may")
    @APIResponse(responseCode = "422", description = "A field is missing or invalid, or a link names nothing")
    public RestResponse<MenuResponse> addItem(@Parameter(description = "The menu's slug") @RestPath String slug,
                                              @Parameter(description = Preconditions.MENU_IF_MATCH) @HeaderParam("If-Match") String ifMatch,
                                              @Valid @NotNull MenuItemRequest request) {
        MenuService.Added added = menus.addItem(slug, request, Preconditions.fromIfMatch(ifMatch));
        return Responses.created("/api/menus/" + slug + "/items/" + added.itemId(), added.menu());
    }

    @PATCH
    @Path("/{slug}/items/{id: [1-9][0-9]*}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateMenuItem",
            summary = "Rename, relink or move an item (JSON Merge Patch; admins only); answers with the whole menu")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = MenuItemRequest.class)))
    @APIResponse(responseCode = "200", description = "The menu after the change")
    @APIResponse(responseCode = "409", description = "The item would move below itself")
    @APIResponse(responseCode = "422", description = "A field is missing or invalid, or a link names nothing")
    public MenuResponse updateItem(@Parameter(description = "The menu's slug") @RestPath String slug,
                                   @Parameter(description = "The item's id") @RestPath @Min(1) long id,
                                   @Parameter(description = Preconditions.MENU_IF_MATCH) @HeaderParam("If-Match") String ifMatch,
                                   JsonNode patch) {
        MenuItemRequest current = menus.currentItemRequest(slug, id);
        if (patch != null && patch.has("parentId") && !patch.has("position")) {
            // The old position means nothing under a new parent: like an added item, the moved one goes last.
            current = new MenuItemRequest(current.label(), current.link(), current.parentId(), null);
        }
        MenuItemRequest changed = mergePatch.apply(current, patch, MenuItemRequest.class);
        return menus.updateItem(slug, id, changed, Preconditions.fromIfMatch(ifMatch));
    }

    @DELETE
    @Path("/{slug}/items/{id: [1-9][0-9]*}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deleteMenuItem",
            summary = "Remove an item (admins only); its children take its place. Answers with the whole menu")
    @APIResponse(responseCode = "200", description = "The menu after the change")
    public MenuResponse deleteItem(@Parameter(description = "The menu's slug") @RestPath String slug,
                                   @Parameter(description = "The item's id") @RestPath @Min(1) long id,
                                   @Parameter(description = Preconditions.MENU_IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        return menus.deleteItem(slug, id, Preconditions.fromIfMatch(ifMatch));
    }
}
