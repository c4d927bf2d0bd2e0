package org.noticeboard.menu;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.noticeboard.category.CategoryRepository;
import org.noticeboard.common.ContentDeletion;
import org.noticeboard.common.Expected;
import org.noticeboard.common.Problem;
import org.noticeboard.common.ProblemException;
import org.noticeboard.common.WriteLocks;
import org.noticeboard.page.Page;
import org.noticeboard.page.PageRepository;
import org.noticeboard.post.Post;
import org.noticeboard.post.PostRepository;
import org.noticeboard.site.FrontEndRoutes;
import org.noticeboard.user.AuditTrail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

@ApplicationScoped
public class MenuService {

    public static final int MAX_DEPTH = 10;
    public static final int MAX_ITEMS = 1000;
    private static final Pattern URL = Pattern.compile("^(https?://|mailto:|tel:)\\S+$");

    private final MenuRepository menus;
    private final PageRepository pages;
    private final PostRepository posts;
    private final CategoryRepository categories;
    private final AuditTrail auditTrail;
    private final WriteLocks locks;

    MenuService(MenuRepository menus, PageRepository pages, PostRepository posts, CategoryRepository categories,
                AuditTrail auditTrail, WriteLocks locks) {
        this.menus = menus;
        this.pages = pages;
        this.posts = posts;
        this.categories = categories;
        this.auditTrail = auditTrail;
        this.locks = locks;
    }

    @Transactional
    public List<MenuResponse> list(boolean editorial) {
        return trees(menus.listBySlug(), editorial);
    }

    /** @param editorial whether the caller is an editor: hidden items too, marked, with link target ids */
    @Transactional
    public MenuResponse bySlug(String slug, boolean editorial) {
        return trees(List.of(find(slug)), editorial).get(0);
    }

    @Transactional
    public MenuItemResponse item(String slug, long itemId, boolean editorial) {
        return findItem(bySlug(slug, editorial).items(), itemId)
                .orElseThrow(() -> ProblemException.notFound("Menu '" + slug + "' has no item " + itemId));
    }

    @Transactional
    public MenuResponse create(MenuRequest request) {
        locks.lock(WriteLocks.Scope.MENUS);
        if (request.slug() == null) {
            throw ProblemException.invalidField("slug", "is required to create a menu");
        }
        requireFreeSlug(request.slug(), null);
        Menu menu = new Menu();
        menu.slug = request.slug();
        menu.name = request.name().strip();
        menus.persist(menu);
        addTree(menu, null, request.items() == null ? List.of() : request.items(), "items", 1, new int[1]);
        menus.flush();
        return bySlug(menu.slug, true);
    }

    /** Replaces the name and the whole tree at once; item ids are new afterwards. */
    @Transactional
    public MenuResponse replace(String slug, MenuRequest request, Expected expected) {
        locks.lock(WriteLocks.Scope.MENUS);
        Menu menu = editable(slug, expected);
        String newSlug = request.slug() == null ? menu.slug : request.slug();
        requireFreeSlug(newSlug, menu.id);
        menus.deleteItems(menu);
        menu.slug = newSlug;
        menu.name = request.name().strip();
        changed(menu);
        addTree(menu, null, request.items() == null ? List.of() : request.items(), "items", 1, new int[1]);
        menus.flush();
        return bySlug(menu.slug, true);
    }

    @Transactional
    public void delete(String slug, Expected expected) {
        locks.lock(WriteLocks.Scope.MENUS);
        Menu menu = editable(slug, expected);
        menus.delete(menu);
        menus.flush();
    }

    /** The menu after an item was added, and the new item's id. */
    public record Added(long itemId, MenuResponse menu) {
    }

    @Transactional
    public Added addItem(String slug, MenuItemRequest request, Expected expected) {
        locks.lock(WriteLocks.Scope.MENUS);
        Menu menu = editable(slug, expected);
        Tree tree = new Tree(menus.items(menu));
        MenuItem item = new MenuItem();
        item.menu = menu;
        applyItem(item, request.label(), request.link(), "link");
        MenuItem parent = tree.parent(request.parentId());
        if (tree.size() >= MAX_ITEMS) {
            throw ProblemException.conflict("Menu '" + slug + "' holds " + MAX_ITEMS + " items, the most a menu may",
                    List.of(new Problem.Conflict("menu", menu.id, menu.name, "/api/menus/" + menu.slug)));
        }
        requireDepth(tree.level(parent) + 1);
        item.parent = parent;
        tree.insert(item, parent, request.position());
        menus.persistItem(item);
        changed(menu);
        menus.flush();
        return new Added(item.id, bySlug(slug, true));
    }

    /** Renames, relinks or moves an item; its children move with it. */
    @Transactional
    public MenuResponse updateItem(String slug, long itemId, MenuItemRequest request, Expected expected) {
        locks.lock(WriteLocks.Scope.MENUS);
        Menu menu = editable(slug, expected);
        Tree tree = new Tree(menus.items(menu));
        MenuItem item = tree.item(itemId, slug);
        MenuItem parent = tree.parent(request.parentId());
        if (tree.isInSubtreeOf(parent, item)) {
            throw ProblemException.conflict("A menu item cannot move below itself or one of its own children",
                    List.of(new Problem.Conflict("menu-item", parent.id, parent.label, "menu " + slug)));
        }
        if (!Objects.equals(parent, item.parent)) {
            requireDepth(tree.level(parent) + tree.height(item));
        }
        applyItem(item, request.label(), request.link(), "link");
        if (!Objects.equals(parent, item.parent) || request.position() != null && request.position() != item.position) {
            tree.remove(item);
            item.parent = parent;
            tree.insert(item, parent, request.position());
        }
        changed(menu);
        menus.flush();
        return bySlug(slug, true);
    }

    /** The item as a request, the base a merge patch applies to. */
    @Transactional
    public MenuItemRequest currentItemRequest(String slug, long itemId) {
        MenuItem item = new Tree(menus.items(find(slug))).item(itemId, slug);
        return new MenuItemRequest(item.label, linkRequest(item), item.parent == null ? null : item.parent.id, item.position);
    }

    /** Removes an item; its children take its place, in order. */
    @Transactional
    public MenuResponse deleteItem(String slug, long itemId, Expected expected) {
        locks.lock(WriteLocks.Scope.MENUS);
        Menu menu = editable(slug, expected);
        Tree tree = new Tree(menus.items(menu));
        MenuItem item = tree.item(itemId, slug);
        tree.removeLiftingChildren(item);
        menus.removeItem(item);
        changed(menu);
        menus.flush();
        return bySlug(slug, true);
    }

    /** Rename a menu or change its slug: only {@code slug} and {@code name} of the request count here. */
    @Transactional
    public MenuResponse rename(String slug, String newSlug, String name, Expected expected) {
        locks.lock(WriteLocks.Scope.MENUS);
        Menu menu = editable(slug, expected);
        requireFreeSlug(newSlug, menu.id);
        menu.slug = newSlug;
        menu.name = name.strip();
        changed(menu);
        menus.flush();
        return bySlug(menu.slug, true);
    }

    /**
     * Before a page, post or category is deleted: refuse with the items that link to it, or remove those
     * items (their children take their place) when the deletion asks for it.
     */
    void onContentDeletion(@Observes ContentDeletion deletion) {
        String field = switch (deletion.kind()) {
            case PAGE -> "page";
            case POST -> "post";
            case CATEGORY -> "category";
        };
        locks.lock(WriteLocks.Scope.MENUS);
        List<MenuItem> linking = menus.itemsLinkingTo(field, deletion.id());
        if (linking.isEmpty()) {
            return;
        }
        if (!deletion.removeLinks()) {
            throw ProblemException.conflict("Menu items link to this " + field
                            + "; remove them first, or delete with removeMenuLinks=true",
                    linking.stream().map(item -> new Problem.Conflict("menu-item", item.id, item.label,
                            "menu " + item.menu.slug)).toList());
        }
        Map<Menu, List<MenuItem>> byMenu = new LinkedHashMap<>();
        linking.forEach(item -> byMenu.computeIfAbsent(item.menu, menu -> new ArrayList<>()).add(item));
        byMenu.forEach((menu, items) -> {
            Tree tree = new Tree(menus.items(menu));
            items.forEach(item -> {
                tree.removeLiftingChildren(tree.item(item.id, menu.slug));
                menus.removeItem(item);
            });
            changed(menu);
        });
        menus.flush();
    }

    private Menu find(String slug) {
        return menus.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("No menu has the slug '" + slug + "'"));
    }

    /** Every change to a menu's items is a change to the menu: its version (and so its editing tag) moves on. */
    private static void changed(Menu menu) {
        menu.updatedAt = Instant.now();
    }

    private Menu editable(String slug, Expected expected) {
        Menu menu = find(slug);
        expected.requireMatch(MenuResponse.tagOf(menu));
        return menu;
    }

    private void requireFreeSlug(String slug, Long exceptId) {
        menus.findBySlug(slug).filter(other -> !other.id.equals(exceptId)).ifPresent(other -> {
            throw ProblemException.conflict("Another menu already has the slug '" + slug + "'",
                    List.of(new Problem.Conflict("menu", other.id, other.name, "/api/menus/" + other.slug)));
        });
    }

    private static void requireDepth(int deepestLevel) {
        if (deepestLevel > MAX_DEPTH) {
            throw ProblemException.invalidField("parentId", "menus nest at most " + MAX_DEPTH
                    + " levels deep: here the item would reach level " + deepestLevel);
        }
    }

    private void addTree(Menu menu, MenuItem parent, List<MenuTreeItem> entries, String field, int depth, int[] count) {
        if (depth > MAX_DEPTH && !entries.isEmpty()) {
            throw ProblemException.invalidField(field, "menus nest at most " + MAX_DEPTH + " levels deep");
        }
        for (int position = 0; position < entries.size(); position++) {
            MenuTreeItem entry = entries.get(position);
            String at = field + "[" + position + "]";
            if (++count[0] > MAX_ITEMS) {
                throw ProblemException.invalidField(at, "a menu holds at most " + MAX_ITEMS + " items");
            }
            MenuItem item = new MenuItem();
            item.menu = menu;
            item.parent = parent;
            item.position = position;
            applyItem(item, entry.label(), entry.link(), at + ".link");
            menus.persistItem(item);
            addTree(menu, item, entry.children() == null ? List.of() : entry.children(), at + ".children", depth + 1, count);
        }
    }

    /** Sets label and link, checking that the link names exactly what its type needs and that it exists. */
    private void applyItem(MenuItem item, String label, MenuLinkRequest link, String field) {
        item.label = label.strip();
        item.linkType = link.type();
        item.page = null;
        item.post = null;
        item.category = null;
        item.archiveYear = null;
        item.archiveMonth = null;
        item.url = null;
        List<String> given = new ArrayList<>();
        if (link.pageId() != null) {
            given.add("pageId");
        }
        if (link.postId() != null) {
            given.add("postId");
        }
        if (link.categoryId() != null) {
            given.add("categoryId");
        }
        if (link.year() != null) {
            given.add("year");
        }
        if (link.month() != null) {
            given.add("month");
        }
        if (link.url() != null) {
            given.add("url");
        }
        List<String> needed = switch (link.type()) {
            case PAGE -> List.of("pageId");
            case POST -> List.of("postId");
            case CATEGORY -> List.of("categoryId");
            case ARCHIVE -> List.of("year", "month");
            case URL -> List.of("url");
            case NEWS, NONE -> List.of();
        };
        if (!given.equals(needed)) {
            throw ProblemException.invalidField(field, "a " + link.type().wireName() + " link takes "
                    + (needed.isEmpty() ? "no other field" : String.join(" and ", needed)) + ", not " + given);
        }
        switch (link.type()) {
            case PAGE -> item.page = pages.findByIdOptional(link.pageId())
                    .orElseThrow(() -> ProblemException.invalidField(field + ".pageId", "no page has the id " + link.pageId()));
            case POST -> item.post = posts.findByIdOptional(link.postId())
                    .orElseThrow(() -> ProblemException.invalidField(field + ".postId", "no post has the id " + link.postId()));
            case CATEGORY -> item.category = categories.findByIdOptional(link.categoryId())
                    .orElseThrow(() -> ProblemException.invalidField(field + ".categoryId", "no category has the id " + link.categoryId()));
            case ARCHIVE -> {
                item.archiveYear = link.year();
                item.archiveMonth = link.month();
            }
            case URL -> {
                if (!URL.matcher(link.url()).matches()) {
                    throw ProblemException.invalidField(field + ".url", "must be an http(s), mailto: or tel: address");
                }
                item.url = link.url();
            }
            case NEWS, NONE -> {
            }
        }
    }

    private static MenuLinkRequest linkRequest(MenuItem item) {
        return new MenuLinkRequest(item.linkType,
                item.page == null ? null : item.page.id,
                item.post == null ? null : item.post.id,
                item.category == null ? null : item.category.id,
                item.archiveYear, item.archiveMonth, item.url);
    }

    /** Three statements whatever the number of menus and items: menus, items, draft page paths. */
    private List<MenuResponse> trees(List<Menu> found, boolean editorial) {
        List<MenuItemRow> rows = menus.itemRows(found.stream().map(menu -> menu.id).toList());
        Visibility visibility = new Visibility(pages.draftPaths());
        return found.stream().map(menu -> tree(menu, rows, visibility, editorial)).toList();
    }

    private MenuResponse tree(Menu menu, List<MenuItemRow> rows, Visibility visibility, boolean editorial) {
        Map<Long, List<MenuItemRow>> byParent = new HashMap<>();
        rows.stream().filter(row -> row.menuId().equals(menu.id))
                .forEach(row -> byParent.computeIfAbsent(row.parentId(), id -> new ArrayList<>()).add(row));
        return new MenuResponse(menu.slug, menu.name, children(null, byParent, visibility, editorial, false),
                editorial ? auditTrail.of(menu) : null, MenuResponse.tagOf(menu));
    }

    /** Rows arrive ordered by position, so each sibling list is already in order. */
    private static List<MenuItemResponse> children(Long parentId, Map<Long, List<MenuItemRow>> byParent,
                                                   Visibility visibility, boolean editorial, boolean parentHidden) {
        List<MenuItemResponse> items = new ArrayList<>();
        for (MenuItemRow row : byParent.getOrDefault(parentId, List.of())) {
            boolean hidden = parentHidden || !visibility.isPublic(row);
            if (hidden && !editorial) {
                continue;
            }
            items.add(new MenuItemResponse(row.id(), row.label(), link(row, editorial), editorial ? hidden : null,
                    children(row.id(), byParent, visibility, editorial, hidden)));
        }
        return items;
    }

    private static MenuLink link(MenuItemRow row, boolean editorial) {
        Long target = editorial ? row.targetId() : null;
        return switch (row.linkType()) {
            case PAGE -> new MenuLink(LinkType.PAGE, FrontEndRoutes.page(row.pagePath()), null, target);
            case POST -> new MenuLink(LinkType.POST, FrontEndRoutes.post(row.postSlug()), null, target);
            case CATEGORY -> new MenuLink(LinkType.CATEGORY, FrontEndRoutes.category(row.categorySlug()), null, target);
            case ARCHIVE -> new MenuLink(LinkType.ARCHIVE, FrontEndRoutes.archive(row.archiveYear(), row.archiveMonth()), null, null);
            case NEWS -> new MenuLink(LinkType.NEWS, FrontEndRoutes.NEWS, null, null);
            case URL -> new MenuLink(LinkType.URL, null, row.url(), null);
            case NONE -> new MenuLink(LinkType.NONE, null, null, null);
        };
    }

    private static Optional<MenuItemResponse> findItem(List<MenuItemResponse> items, long id) {
        for (MenuItemResponse item : items) {
            if (item.id() == id) {
                return Optional.of(item);
            }
            Optional<MenuItemResponse> below = findItem(item.children(), id);
            if (below.isPresent()) {
                return below;
            }
        }
        return Optional.empty();
    }

    /**
     * An item linking to a draft page or an unpublished post is hidden, and its subtree with it. Whether a post
     * is public the database decided as it read the row ({@link Post#visible}).
     */
    private record Visibility(List<String> draftPaths) {
        boolean isPublic(MenuItemRow row) {
            return switch (row.linkType()) {
                case PAGE -> Page.isPublic(row.pageStatus(), row.pagePath(), draftPaths);
                case POST -> Boolean.TRUE.equals(row.postVisible());
                default -> true;
            };
        }
    }

    /** One menu's items in memory, for edits that keep sibling positions dense (0, 1, 2, ...). */
    private static final class Tree {
        private final Map<Long, MenuItem> byId = new HashMap<>();
        private final Map<Long, List<MenuItem>> childrenByParent = new HashMap<>();

        Tree(List<MenuItem> items) {
            for (MenuItem item : items) {
                byId.put(item.id, item);
                childrenByParent.computeIfAbsent(parentKey(item.parent), key -> new ArrayList<>()).add(item);
            }
        }

        MenuItem item(long id, String menuSlug) {
            MenuItem item = byId.get(id);
            if (item == null) {
                throw ProblemException.notFound("Menu '" + menuSlug + "' has no item " + id);
            }
            return item;
        }

        MenuItem parent(Long parentId) {
            if (parentId == null) {
                return null;
            }
            MenuItem parent = byId.get(parentId);
            if (parent == null) {
                throw ProblemException.invalidField("parentId", "this menu has no item " + parentId);
            }
            return parent;
        }

        int size() {
            return byId.size();
        }

        /** 1 for a top-level item, 0 for the menu itself (a null parent). */
        int level(MenuItem item) {
            int level = 0;
            for (MenuItem at = item; at != null; at = at.parent) {
                level++;
            }
            return level;
        }

        /** Levels from the item down to its deepest descendant, itself counted. */
        int height(MenuItem item) {
            return 1 + childrenByParent.getOrDefault(item.id, List.of()).stream().mapToInt(this::height).max().orElse(0);
        }

        boolean isInSubtreeOf(MenuItem candidate, MenuItem root) {
            for (MenuItem ancestor = candidate; ancestor != null; ancestor = ancestor.parent) {
                if (ancestor.equals(root)) {
                    return true;
                }
            }
            return false;
        }

        void insert(MenuItem item, MenuItem parent, Integer position) {
            List<MenuItem> siblings = childrenByParent.computeIfAbsent(parentKey(parent), key -> new ArrayList<>());
            if (position != null && position > siblings.size()) {
                throw ProblemException.invalidField("position", "must be from 0 to " + siblings.size() + " here");
            }
            siblings.add(position == null ? siblings.size() : position, item);
            renumber(siblings);
        }

        void remove(MenuItem item) {
            List<MenuItem> siblings = childrenByParent.get(parentKey(item.parent));
            siblings.remove(item);
            renumber(siblings);
        }

        void removeLiftingChildren(MenuItem item) {
            List<MenuItem> siblings = childrenByParent.get(parentKey(item.parent));
            List<MenuItem> children = childrenByParent.getOrDefault(item.id, List.of());
            int at = siblings.indexOf(item);
            siblings.remove(at);
            siblings.addAll(at, children);
            children.forEach(child -> child.parent = item.parent);
            renumber(siblings);
            childrenByParent.remove(item.id);
            byId.remove(item.id);
        }

        private static void renumber(List<MenuItem> siblings) {
            for (int position = 0; position < siblings.size(); position++) {
                siblings.get(position).position = position;
            }
        }

        private static Long parentKey(MenuItem parent) {
            return parent == null ? null : parent.id;
        }
    }
}
