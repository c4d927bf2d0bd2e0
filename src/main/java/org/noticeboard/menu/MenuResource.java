package org.noticeboard.menu;

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

@Path("/api/menus")
@Tag(name = "Menus")
@Produces(MediaType.APPLICATION_JSON)
public class MenuResource {

    private final MenuService menus;

    MenuResource(MenuService menus) {
        this.menus = menus;
    }

    @GET
    @Operation(summary = "List every menu with its whole nested tree")
    public List<MenuResponse> list() {
        return menus.listPublic();
    }

    @GET
    @Path("/{slug}")
    @Operation(summary = "Read one menu's whole nested tree, every link resolved to a path or URL")
    @APIResponse(responseCode = "200", description = "The menu")
    @APIResponse(responseCode = "404", description = "No menu has this slug")
    public MenuResponse get(@Parameter(description = "The menu's slug, e.g. main") @RestPath String slug) {
        return menus.publicBySlug(slug);
    }
}
