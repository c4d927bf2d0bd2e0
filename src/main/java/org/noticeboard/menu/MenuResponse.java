package org.noticeboard.menu;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.noticeboard.common.EditingTag;
import org.noticeboard.common.Versioned;
import org.noticeboard.user.Audit;

import java.util.List;

@Schema(name = "Menu", requiredProperties = {"slug", "name", "items"},
        examples = """
        {
          "slug": "main",
          "name": "Main menu",
          "items": [
            { "id": 1, "label": "Home", "link": { "type": "url", "path": null, "url": "https://www.example.org/" }, "children": [] },
            { "id": 2, "label": "Services", "link": { "type": "page", "path": "/services", "url": null }, "children": [
              { "id": 3, "label": "Training", "link": { "type": "page", "path": "/services/training", "url": null }, "children": [] }
            ] },
            { "id": 4, "label": "BPRCVS News", "link": { "type": "news", "path": "/news", "url": null }, "children": [] }
          ]
        }""")
public record MenuResponse(
        String slug,
        String name,
        @Schema(description = "Top-level items in their order, each with its children") List<MenuItemResponse> items,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Who created and last changed the menu: only for signed-in editors") Audit audit,
        @JsonIgnore @Schema(hidden = true) EditingTag editingTag) implements Versioned {

    /** The tag a change to this menu or its items takes as If-Match. */
    static EditingTag tagOf(Menu menu) {
        return EditingTag.of("menu", menu);
    }
}
