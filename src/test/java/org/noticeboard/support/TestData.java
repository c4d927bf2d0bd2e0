package org.noticeboard.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.noticeboard.category.Category;
import org.noticeboard.common.Slugs;
import org.noticeboard.menu.LinkType;
import org.noticeboard.menu.Menu;
import org.noticeboard.menu.MenuItem;
import org.noticeboard.page.Page;
import org.noticeboard.page.PageStatus;
import org.noticeboard.post.CommentStatus;
import org.noticeboard.post.Post;
import org.noticeboard.post.PostStatus;
import org.noticeboard.auth.SignInThrottle;
import org.noticeboard.auth.TokenService;
import org.noticeboard.site.SiteSettings;
import org.noticeboard.user.Passwords;
import org.noticeboard.user.Role;
import org.noticeboard.user.User;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Creates the rows a test reads. {@link #reset()} empties the content tables first, so every test starts
 * from a known database whatever ran before it.
 */
@ApplicationScoped
public class TestData {

    public static final String PASSWORD = "correct horse battery staple";

    private final EntityManager entityManager;
    private final Passwords passwords;
    private final TokenService tokens;
    private final SignInThrottle throttle;

    TestData(EntityManager entityManager, Passwords passwords, TokenService tokens, SignInThrottle throttle) {
        this.entityManager = entityManager;
        this.passwords = passwords;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    @Transactional
    public void reset() {
        entityManager.createNativeQuery("truncate menu_items, menus, post_categories, post_slug_redirects, imported_posts, posts, "
                + "page_path_redirects, pages, categories, comments, comment_blocklist, comment_submissions, search_vocabulary "
                + "restart identity cascade").executeUpdate();
        // Deleted rather than truncated: site_settings refers to users, and its one row must stay.
        entityManager.createNativeQuery("delete from access_tokens").executeUpdate();
        entityManager.createNativeQuery("delete from users").executeUpdate();
        throttle.clear();
        entityManager.createNativeQuery("""
                update site_settings set name = 'Noticeboard', tagline = null, about = null, contact_email = null,
                    contact_phone = null, contact_address = null, site_url = null, timezone = 'Europe/London',
                    comments_open_by_default = true, comments_auto_close_days = null, comment_moderation = 'all-held',
                    comment_max_links = 2, comment_thread_depth = 2, language = 'english'
                """).executeUpdate();
    }

    /** A user whose password is {@link #PASSWORD}. */
    @Transactional
    public User user(String email, Role role) {
        User user = new User();
        user.email = email;
        user.displayName = email.substring(0, email.indexOf('@'));
        user.passwordHash = passwords.hash(PASSWORD);
        user.role = role;
        entityManager.persist(user);
        return user;
    }

    /** A signed-in session's bearer token for a new user with this role. */
    public String tokenFor(Role role) {
        return tokenFor(user(role.wireName() + "-" + System.nanoTime() + "@example.org", role));
    }

    /** A signed-in session's bearer token for this user. */
    public String tokenFor(User user) {
        return tokens.issueSession(user).token();
    }

    /** Leaves only these users, e.g. to make them the only admins. */
    @Transactional
    public void deleteUsersExcept(long... keep) {
        entityManager.createQuery("delete from User u where u.id not in :keep")
                .setParameter("keep", java.util.Arrays.stream(keep).boxed().toList())
                .executeUpdate();
    }

    /** Makes every session token look as if it had run out an hour ago. */
    @Transactional
    public void expireSessions() {
        entityManager.createNativeQuery("update access_tokens set expires_at = now() - interval '1 hour' "
                + "where kind = 'session'").executeUpdate();
    }

    @Transactional
    public <T> T find(Class<T> entity, long id) {
        return entityManager.find(entity, id);
    }

    @Transactional
    public void delete(Object entity) {
        entityManager.remove(entityManager.merge(entity));
    }

    @Transactional
    public long count(Class<?> entity) {
        return entityManager.createQuery("select count(e) from " + entity.getSimpleName() + " e", Long.class)
                .getSingleResult();
    }

    @Transactional
    public void site(Consumer<SiteSettings> change) {
        change.accept(entityManager.find(SiteSettings.class, SiteSettings.ID));
    }

    @Transactional
    public Category category(String name) {
        return category(name, null);
    }

    @Transactional
    public Category category(String name, Category parent) {
        Category category = new Category();
        category.name = name;
        category.slug = Slugs.slugify(name);
        category.parent = parent == null ? null : entityManager.getReference(Category.class, parent.id);
        entityManager.persist(category);
        return category;
    }

    /** A published post, published a day ago unless {@code change} says otherwise. */
    @Transactional
    public Post post(String title, Consumer<Post> change, Category... categories) {
        Post post = new Post();
        post.title = title;
        post.slug = Slugs.slugify(title);
        post.excerpt = "Excerpt of " + title;
        post.bodyHtml = "<p>Body of " + title + "</p>";
        post.status = PostStatus.PUBLISHED;
        post.publishedAt = Instant.now().minus(Duration.ofDays(1));
        post.commentStatus = CommentStatus.OPEN;
        for (Category category : categories) {
            post.categories.add(entityManager.getReference(Category.class, category.id));
        }
        change.accept(post);
        entityManager.persist(post);
        return post;
    }

    @Transactional
    public Post post(String title, Instant publishedAt, Category... categories) {
        return post(title, post -> post.publishedAt = publishedAt, categories);
    }

    @Transactional
    public Post draft(String title, Category... categories) {
        return post(title, post -> {
            post.status = PostStatus.DRAFT;
            post.publishedAt = null;
        }, categories);
    }

    /** Scheduled for a day from now: not public yet. */
    @Transactional
    public Post future(String title, Category... categories) {
        return post(title, post -> {
            post.status = PostStatus.SCHEDULED;
            post.publishedAt = Instant.now().plus(Duration.ofDays(1));
        }, categories);
    }

    @Transactional
    public Page page(String title, Page parent) {
        return page(title, parent, page -> { });
    }

    /** A published page, placed after the siblings created before it. */
    @Transactional
    public Page page(String title, Page parent, Consumer<Page> change) {
        Page page = new Page();
        page.title = title;
        page.slug = Slugs.slugify(title);
        page.parent = parent == null ? null : entityManager.getReference(Page.class, parent.id);
        page.path = parent == null ? page.slug : parent.path + "/" + page.slug;
        page.position = siblingCount(parent);
        page.status = PageStatus.PUBLISHED;
        page.bodyHtml = "<p>About " + title + "</p>";
        change.accept(page);
        entityManager.persist(page);
        return page;
    }

    @Transactional
    public Menu menu(String slug) {
        Menu menu = new Menu();
        menu.slug = slug;
        menu.name = "Menu " + slug;
        entityManager.persist(menu);
        return menu;
    }

    /** An item placed after its existing siblings; {@code link} sets its target. */
    @Transactional
    public MenuItem menuItem(Menu menu, MenuItem parent, String label, Consumer<MenuItem> link) {
        MenuItem item = new MenuItem();
        item.menu = entityManager.getReference(Menu.class, menu.id);
        item.parent = parent == null ? null : entityManager.getReference(MenuItem.class, parent.id);
        item.label = label;
        var siblings = entityManager.createQuery("select count(i) from MenuItem i where i.menu.id = :menu and "
                + (parent == null ? "i.parent is null" : "i.parent.id = :parent"), Long.class)
                .setParameter("menu", menu.id);
        if (parent != null) {
            siblings.setParameter("parent", parent.id);
        }
        item.position = siblings.getSingleResult().intValue();
        item.linkType = LinkType.NONE;
        link.accept(item);
        item.page = item.page == null ? null : entityManager.getReference(Page.class, item.page.id);
        item.post = item.post == null ? null : entityManager.getReference(Post.class, item.post.id);
        item.category = item.category == null ? null : entityManager.getReference(Category.class, item.category.id);
        entityManager.persist(item);
        return item;
    }

    public static Consumer<MenuItem> toPage(Page page) {
        return item -> {
            item.linkType = LinkType.PAGE;
            item.page = page;
        };
    }

    public static Consumer<MenuItem> toPost(Post post) {
        return item -> {
            item.linkType = LinkType.POST;
            item.post = post;
        };
    }

    /** Stored positions of a menu's top-level items (parent null) or of one item's children, in order. */
    @Transactional
    public List<Integer> menuItemPositions(String menuSlug, Long parentId) {
        var positions = entityManager.createQuery("select i.position from MenuItem i where i.menu.slug = :menu and "
                + (parentId == null ? "i.parent is null" : "i.parent.id = :parent") + " order by i.position, i.id", Integer.class)
                .setParameter("menu", menuSlug);
        if (parentId != null) {
            positions.setParameter("parent", parentId);
        }
        return positions.getResultList();
    }

    /** What is wrong with the page tree: cycles, and paths that are not the parent's path and the slug. */
    @Transactional
    public List<String> pageTreeFaults() {
        List<Object[]> rows = entityManager.createNativeQuery("select id, parent_id, slug, path from pages", Object[].class)
                .getResultList();
        Map<Long, Object[]> byId = new HashMap<>();
        rows.forEach(row -> byId.put(((Number) row[0]).longValue(), row));
        List<String> faults = new ArrayList<>(treeFaults("page", byId));
        for (Object[] row : rows) {
            Object[] parent = row[1] == null ? null : byId.get(((Number) row[1]).longValue());
            String expected = parent == null ? (String) row[2] : parent[3] + "/" + row[2];
            if (!expected.equals(row[3])) {
                faults.add("page " + row[0] + " has the path " + row[3] + ", not " + expected);
            }
        }
        return faults;
    }

    /**
     * Where the post counts kept by triggers (V17) differ from counting the posts: each fault names the month (and
     * category) with the counted and the kept number.
     */
    @Transactional
    public List<String> postCountFaults() {
        List<String> faults = new ArrayList<>();
        entityManager.createNativeQuery("""
                        select 'month ' || coalesce(t.month, c.month) || ': counted ' || coalesce(t.posts, 0) || ', kept ' || coalesce(c.posts, 0)
                        from (select post_archive_month(published_at) as month, count(*) as posts
                              from posts where status <> 'draft' group by 1) t
                        full join (select * from post_month_counts where posts > 0) c using (month)
                        where t.posts is distinct from c.posts
                        union all
                        select 'category ' || coalesce(t.category_id, c.category_id) || ' month ' || coalesce(t.month, c.month)
                               || ': counted ' || coalesce(t.posts, 0) || ', kept ' || coalesce(c.posts, 0)
                        from (select pc.category_id, post_archive_month(p.published_at) as month, count(*) as posts
                              from posts p join post_categories pc on pc.post_id = p.id
                              where p.status <> 'draft' group by 1, 2) t
                        full join (select * from category_month_counts where posts > 0) c using (category_id, month)
                        where t.posts is distinct from c.posts""", String.class)
                .getResultList().forEach(fault -> faults.add((String) fault));
        return faults;
    }

    /** Categories whose parent chain loops. */
    @Transactional
    public List<String> categoryTreeFaults() {
        return treeFaults("category", rowsById("select id, parent_id from categories"));
    }

    /** Menu items whose parent chain loops. */
    @Transactional
    public List<String> menuTreeFaults() {
        return treeFaults("menu item", rowsById("select id, parent_id from menu_items"));
    }

    private Map<Long, Object[]> rowsById(String sql) {
        Map<Long, Object[]> byId = new HashMap<>();
        entityManager.createNativeQuery(sql, Object[].class).getResultList()
                .forEach(row -> byId.put(((Number) ((Object[]) row)[0]).longValue(), (Object[]) row));
        return byId;
    }

    /** Rows of (id, parent_id, ...): every parent chain must reach the top within as many steps as there are rows. */
    private static List<String> treeFaults(String kind, Map<Long, Object[]> byId) {
        List<String> faults = new ArrayList<>();
        for (Long id : byId.keySet()) {
            Object parent = byId.get(id)[1];
            for (int steps = 0; parent != null; steps++) {
                if (steps > byId.size()) {
                    faults.add(kind + " " + id + " is its own ancestor");
                    break;
                }
                parent = byId.get(((Number) parent).longValue())[1];
            }
        }
        return faults;
    }

    private int siblingCount(Page parent) {
        var siblings = entityManager.createQuery("select count(p) from Page p where "
                + (parent == null ? "p.parent is null" : "p.parent.id = :parent"), Long.class);
        if (parent != null) {
            siblings.setParameter("parent", parent.id);
        }
        return siblings.getSingleResult().intValue();
    }
}
