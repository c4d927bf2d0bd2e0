package org.noticeboard.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.noticeboard.category.CategoryRepository;
import org.noticeboard.category.CategoryRequest;
import org.noticeboard.category.CategoryService;
import org.noticeboard.common.Expected;
import org.noticeboard.common.WireEnum;
import org.noticeboard.common.WriteLocks;
import org.noticeboard.menu.LinkType;
import org.noticeboard.menu.MenuLinkRequest;
import org.noticeboard.menu.MenuRepository;
import org.noticeboard.menu.MenuRequest;
import org.noticeboard.menu.MenuService;
import org.noticeboard.menu.MenuTreeItem;
import org.noticeboard.page.PageRepository;
import org.noticeboard.page.PageRequest;
import org.noticeboard.page.PageResponse;
import org.noticeboard.page.PageService;
import org.noticeboard.page.PageStatus;
import org.noticeboard.post.CommentStatus;
import org.noticeboard.post.PostRepository;
import org.noticeboard.post.PostRequest;
import org.noticeboard.post.PostService;
import org.noticeboard.post.PostStatus;
import org.noticeboard.site.SiteRequest;
import org.noticeboard.site.SiteService;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the reference site (the capture of BPRCVS's news page) into an empty database when
 * {@code noticeboard.demo-content} is on. A database holding any content is left alone, so loading
 * twice changes nothing. It writes through the same services as the API, so the demo site's slugs, paths,
 * sibling order, sanitised bodies and menu links follow the same rules as content an editor makes.
 */
@ApplicationScoped
public class DemoContentLoader {

    private static final Logger LOG = Logger.getLogger(DemoContentLoader.class);

    private final boolean enabled;
    private final ObjectMapper json;
    private final WriteLocks locks;
    private final SiteService site;
    private final CategoryService categories;
    private final PostService posts;
    private final PageService pages;
    private final MenuService menus;
    private final CategoryRepository categoryRepository;
    private final PostRepository postRepository;
    private final PageRepository pageRepository;
    private final MenuRepository menuRepository;

    DemoContentLoader(@ConfigProperty(name = "noticeboard.demo-content") boolean enabled, ObjectMapper json,
                      WriteLocks locks, SiteService site, CategoryService categories, PostService posts,
                      PageService pages, MenuService menus, CategoryRepository categoryRepository,
                      PostRepository postRepository, PageRepository pageRepository, MenuRepository menuRepository) {
        this.enabled = enabled;
        this.json = json;
        this.locks = locks;
        this.site = site;
        this.categories = categories;
        this.posts = posts;
        this.pages = pages;
        this.menus = menus;
        this.categoryRepository = categoryRepository;
        this.postRepository = postRepository;
        this.pageRepository = pageRepository;
        this.menuRepository = menuRepository;
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
        // Every scope the services below take, in WriteLocks' order and before the emptiness check, so that no
        // editor's write lands between the check and the load; the services' own lock calls then pass straight on.
        locks.lock(WriteLocks.Scope.CATEGORIES);
        locks.lock(WriteLocks.Scope.POSTS);
        locks.lock(WriteLocks.Scope.PAGES);
        locks.lock(WriteLocks.Scope.MENUS);
        if (categoryRepository.count() + pageRepository.count() + postRepository.count() + menuRepository.count() > 0) {
            LOG.info("Demo content not loaded: the database already holds content");
            return false;
        }
        DemoContent content = read("content.json");
        nameSite(content.site());
        content.categories().forEach(name -> categories.create(new CategoryRequest(name, null, null, null)));
        content.posts().forEach(this::createPost);
        content.menus().forEach(this::createMenu);
        LOG.infof("Demo content loaded: %d categories, %d pages, %d posts, %d menus",
                categoryRepository.count(), pageRepository.count(), postRepository.count(), menuRepository.count());
        return true;
    }

    /** The settings row comes with the schema and nobody has read it: whatever version it is at, the demo names it. */
    private void nameSite(DemoContent.Site demo) {
        SiteRequest current = site.currentRequest();
        site.change(new SiteRequest(demo.name(), current.tagline(), demo.about(), current.contact(), current.url(),
                current.timezone(), current.language(), current.comments()), Expected.ANY);
    }

    private void createPost(DemoContent.DemoPost demo) {
        posts.create(new PostRequest(demo.title(), null, null, text(demo.bodyResource()), null, null,
                PostStatus.PUBLISHED, demo.publishedAt(), WireEnum.parse(CommentStatus.class, demo.commentStatus()),
                null));
    }

    private void createMenu(DemoContent.DemoMenu demo) {
        menus.create(new MenuRequest(demo.slug(), demo.name(), tree(demo.items(), null)));
    }

    /**
     * Each entry that is a page gets one, made before its children and nested under the nearest enclosing entry
     * that is a page, so its path is the slugs of the labels along the menu
     * (services/the-cvs-centre/room-hire/large-meetings) and it comes last among the pages made so far beside it.
     */
    private List<MenuTreeItem> tree(List<DemoContent.DemoMenuItem> entries, Long parentPageId) {
        List<MenuTreeItem> items = new ArrayList<>();
        for (DemoContent.DemoMenuItem entry : entries) {
            if (entry.link() != null) {
                MenuLinkRequest link = new MenuLinkRequest(WireEnum.parse(LinkType.class, entry.link()),
                        null, null, null, null, null, null);
                items.add(new MenuTreeItem(entry.label(), link, tree(entry.childrenOrEmpty(), parentPageId)));
                continue;
            }
            PageResponse page = pages.create(new PageRequest(entry.label(), null, parentPageId, null,
                    PageStatus.PUBLISHED, null, null, null));
            MenuLinkRequest link = new MenuLinkRequest(LinkType.PAGE, page.id(), null, null, null, null, null);
            items.add(new MenuTreeItem(entry.label(), link, tree(entry.childrenOrEmpty(), page.id())));
        }
        return items;
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
