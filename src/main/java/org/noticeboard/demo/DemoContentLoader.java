package org.noticeboard.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.noticeboard.category.Category;
import org.noticeboard.category.CategoryRepository;
import org.noticeboard.common.HtmlSanitizer;
import org.noticeboard.common.Slugs;
import org.noticeboard.common.WriteLocks;
import org.noticeboard.common.WireEnum;
import org.noticeboard.menu.LinkType;
import org.noticeboard.menu.Menu;
import org.noticeboard.menu.MenuItem;
import org.noticeboard.menu.MenuRepository;
import org.noticeboard.page.Page;
import org.noticeboard.page.PageRepository;
import org.noticeboard.page.PageStatus;
import org.noticeboard.post.CommentStatus;
import org.noticeboard.post.Excerpts;
import org.noticeboard.post.Post;
import org.noticeboard.post.PostRepository;
import org.noticeboard.post.PostStatus;
import org.noticeboard.site.SiteSettings;
import org.noticeboard.site.SiteSettingsRepository;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the reference site (the capture of BPRCVS's news page) into an empty database when
 * {@code noticeboard.demo-content} is on. A database holding any content is left alone, so loading
 * twice changes nothing.
 */
@ApplicationScoped
public class DemoContentLoader {

    private static final Logger LOG = Logger.getLogger(DemoContentLoader.class);

    private final boolean enabled;
    private final ObjectMapper json;
    private final SiteSettingsRepository site;
    private final CategoryRepository categories;
    private final PageRepository pages;
    private final PostRepository posts;
    private final MenuRepository menus;
    private final WriteLocks locks;
    private final HtmlSanitizer sanitizer;

    DemoContentLoader(@ConfigProperty(name = "noticeboard.demo-content") boolean enabled, ObjectMapper json,
                      SiteSettingsRepository site, CategoryRepository categories, PageRepository pages,
                      PostRepository posts, MenuRepository menus, WriteLocks locks, HtmlSanitizer sanitizer) {
        this.enabled = enabled;
        this.json = json;
        this.site = site;
        this.categories = categories;
        this.pages = pages;
        this.posts = posts;
        this.menus = menus;
        this.locks = locks;
        this.sanitizer = sanitizer;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            loadIntoEmptyDatabase();
        }
    }

    /** @return whether anything was loaded */
    @Transactional
    public boolean loadIntoEmptyDatabase() {
        // Two instances starting together: the second waits, then finds the content the first loaded.
        locks.lock(WriteLocks.Scope.START_UP);
        if (categories.count() + pages.count() + posts.count() + menus.count() > 0) {
            LOG.info("Demo content not loaded: the database already holds content");
            return false;
        }
        DemoContent content = read("content.json");
        SiteSettings settings = site.get();
        settings.name = content.site().name();
        settings.about = content.site().about();
        content.categories().forEach(this::createCategory);
        content.posts().forEach(post -> createPost(post, settings.siteUrl));
        content.menus().forEach(this::createMenu);
        LOG.infof("Demo content loaded: %d categories, %d pages, %d posts, %d menus",
                categories.count(), pages.count(), posts.count(), menus.count());
        return true;
    }

    private void createCategory(String name) {
        Category category = new Category();
        category.name = name;
        category.slug = Slugs.slugify(name);
        categories.persist(category);
    }

    /** The body as the editing API would store it: sanitised, so that a restore of an export finds nothing to clean. */
    private void createPost(DemoContent.DemoPost demo, String siteUrl) {
        Post post = new Post();
        post.title = demo.title();
        post.slug = Slugs.slugify(demo.title());
        post.bodyHtml = sanitizer.sanitize(text(demo.bodyResource()), siteUrl);
        post.excerpt = Excerpts.fromHtml(post.bodyHtml);
        post.status = PostStatus.PUBLISHED;
        post.publishedAt = demo.publishedAt();
        post.commentStatus = WireEnum.parse(CommentStatus.class, demo.commentStatus());
        posts.persist(post);
    }

    private void createMenu(DemoContent.DemoMenu demo) {
        Menu menu = new Menu();
        menu.slug = demo.slug();
        menu.name = demo.name();
        menus.persist(menu);
        createItems(menu, null, null, demo.items(), new HashMap<>());
    }

    /**
     * Each entry that is a page gets one, nested under the nearest enclosing entry that is a page, so its
     * path is the slugs of the labels along the menu (services/the-cvs-centre/room-hire/large-meetings).
     */
    private void createItems(Menu menu, MenuItem parentItem, Page parentPage, List<DemoContent.DemoMenuItem> entries,
                             Map<String, Integer> pagesUnderPath) {
        for (int position = 0; position < entries.size(); position++) {
            DemoContent.DemoMenuItem entry = entries.get(position);
            MenuItem item = new MenuItem();
            item.menu = menu;
            item.parent = parentItem;
            item.position = position;
            item.label = entry.label();
            Page page = null;
            if (entry.link() == null) {
                String parentPath = parentPage == null ? "" : parentPage.path;
                int pagePosition = pagesUnderPath.merge(parentPath, 1, Integer::sum) - 1;
                page = createPage(entry.label(), parentPage, pagePosition);
                item.linkType = LinkType.PAGE;
                item.page = page;
            } else {
                item.linkType = WireEnum.parse(LinkType.class, entry.link());
            }
            menus.getEntityManager().persist(item);
            createItems(menu, item, page != null ? page : parentPage, entry.childrenOrEmpty(), pagesUnderPath);
        }
    }

    private Page createPage(String title, Page parent, int position) {
        Page page = new Page();
        page.title = title;
        page.slug = Slugs.slugify(title);
        page.parent = parent;
        page.path = parent == null ? page.slug : parent.path + "/" + page.slug;
        page.position = position;
        page.status = PageStatus.PUBLISHED;
        page.bodyHtml = "";
        pages.persist(page);
        return page;
    }

    private DemoContent read(String resource) {
        try (InputStream in = open(resource)) {
            return json.readValue(in, DemoContent.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable demo content " + resource, e);
        }
    }

    private String text(String resource) {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable demo content " + resource, e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("demo/" + resource);
        if (in == null) {
            throw new IllegalStateException("Missing demo content resource demo/" + resource);
        }
        return in;
    }
}
