package org.noticeboard.menu;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.noticeboard.common.ProblemException;
import org.noticeboard.page.Page;
import org.noticeboard.page.PageRepository;
import org.noticeboard.post.Post;
import org.noticeboard.site.FrontEndRoutes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class MenuService {

    private final MenuRepository menus;
    private final PageRepository pages;

    MenuService(MenuRepository menus, PageRepository pages) {
        this.menus = menus;
        this.pages = pages;
    }

    @Transactional
    public List<MenuResponse> listPublic() {
        return publicTrees(menus.listBySlug());
    }

    @Transactional
    public MenuResponse publicBySlug(String slug) {
        Menu menu = menus.findBySlug(slug)
                .orElseThrow(() -> ProblemException.notFound("No menu has the slug '" + slug + "'"));
        return publicTrees(List.of(menu)).get(0);
    }

    /** Three statements whatever the number of menus and items: menus, items, draft page paths. */
    private List<MenuResponse> publicTrees(List<Menu> found) {
        List<MenuItemRow> rows = menus.itemRows(found.stream().map(menu -> menu.id).toList());
        Visibility visibility = new Visibility(pages.draftPaths(), Instant.now());
        Map<Long, Map<Long, List<MenuItemRow>>> childrenByMenu = new HashMap<>();
        for (MenuItemRow row : rows) {
            childrenByMenu.computeIfAbsent(row.menuId(), id -> new HashMap<>())
                    .computeIfAbsent(row.parentId(), id -> new ArrayList<>())
                    .add(row);
        }
        return found.stream()
                .map(menu -> new MenuResponse(menu.slug, menu.name,
                        children(null, childrenByMenu.getOrDefault(menu.id, Map.of()), visibility)))
                .toList();
    }

    /** Rows arrive ordered by position, so each sibling list is already in order. */
    private static List<MenuItemResponse> children(Long parentId, Map<Long, List<MenuItemRow>> byParent,
                                                   Visibility visibility) {
        return byParent.getOrDefault(parentId, List.of()).stream()
                .filter(visibility::isPublic)
                .map(row -> new MenuItemResponse(row.id(), row.label(), link(row), children(row.id(), byParent, visibility)))
                .toList();
    }

    private static MenuLink link(MenuItemRow row) {
        return switch (row.linkType()) {
            case PAGE -> new MenuLink(LinkType.PAGE, FrontEndRoutes.page(row.pagePath()), null);
            case POST -> new MenuLink(LinkType.POST, FrontEndRoutes.post(row.postSlug()), null);
            case CATEGORY -> new MenuLink(LinkType.CATEGORY, FrontEndRoutes.category(row.categorySlug()), null);
            case ARCHIVE -> new MenuLink(LinkType.ARCHIVE, FrontEndRoutes.archive(row.archiveYear(), row.archiveMonth()), null);
            case NEWS -> new MenuLink(LinkType.NEWS, FrontEndRoutes.NEWS, null);
            case URL -> new MenuLink(LinkType.URL, null, row.url());
            case NONE -> new MenuLink(LinkType.NONE, null, null);
        };
    }

    /** An item linking to a draft page or an unpublished post is hidden, and its subtree with it. */
    private record Visibility(List<String> draftPaths, Instant now) {
        boolean isPublic(MenuItemRow row) {
            return switch (row.linkType()) {
                case PAGE -> Page.isPublic(row.pageStatus(), row.pagePath(), draftPaths);
                case POST -> Post.isPublic(row.postStatus(), row.postPublishedAt(), now);
                default -> true;
            };
        }
    }
}
