package org.noticeboard.importing;

import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import org.noticeboard.category.CategoryRepository;
import org.noticeboard.category.CategoryRequest;
import org.noticeboard.category.CategoryResponse;
import org.noticeboard.category.CategoryService;
import org.noticeboard.comment.CommentService;
import org.noticeboard.comment.CommentState;
import org.noticeboard.comment.ImportedComment;
import org.noticeboard.common.HtmlSanitizer;
import org.noticeboard.common.ProblemException;
import org.noticeboard.common.ProblemType;
import org.noticeboard.common.Slugs;
import org.noticeboard.common.WireEnum;
import org.noticeboard.common.WriteLocks;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.noticeboard.menu.LinkType;
import org.noticeboard.menu.MenuLinkRequest;
import org.noticeboard.menu.MenuRepository;
import org.noticeboard.menu.MenuRequest;
import org.noticeboard.menu.MenuResponse;
import org.noticeboard.menu.MenuService;
import org.noticeboard.menu.MenuTreeItem;
import org.noticeboard.page.PageRepository;
import org.noticeboard.page.PageRequest;
import org.noticeboard.page.PageResponse;
import org.noticeboard.page.PageService;
import org.noticeboard.page.PageStatus;
import org.noticeboard.post.CommentStatus;
import org.noticeboard.post.Excerpts;
import org.noticeboard.post.FeaturedImage;
import org.noticeboard.post.PostRepository;
import org.noticeboard.post.PostRequest;
import org.noticeboard.post.PostResponse;
import org.noticeboard.post.PostService;
import org.noticeboard.post.PostStatus;

import java.io.InputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Imports a WordPress site from the file its Tools → Export writes (WXR): categories, posts with their comments,
 * pages with their hierarchy and order, featured images and menus, through the same write operations as the API
 * (PostService, PageService, CategoryService, MenuService, CommentService), so the same rules hold.
 *
 * <p>The file is read twice, each time as a stream (StAX), holding one item at a time: first for what later items
 * need to know (attachments' addresses, the pages' tree, the menus), then to write. All or nothing, in one
 * transaction: a half-imported site, with posts but no menus or pages without their parents, would be harder to
 * repair than none, and PostgreSQL holds a transaction of any size. What was imported is remembered by the old
 * site's address and the WordPress ids (imported_posts, imported_pages), so importing the same file again adds only
 * what is new.
 */
@ApplicationScoped
public class WordPressImporter {

    /** Whether WordPress's tags become categories or are left out. */
    @Schema(name = "WordPressTags")
    public enum Tags {
        DROP, CATEGORIES;

        /** Never written as JSON: this is how the OpenAPI document learns the words the query takes. */
        @JsonValue
        public String wireName() {
            return WireEnum.name(this);
        }
    }

    /** Flushed and let go of every so many items, so that the session does not hold every post of the site. */
    private static final int ITEMS_PER_FLUSH = 100;
    private static final int EXCERPT_LENGTH = 1000;
    private static final int SUMMARY_LENGTH = 2000;
    private static final int AUTHOR_LENGTH = 200;
    private static final int LABEL_LENGTH = 200;
    private static final int LINK_LENGTH = ImportRules.MAX_LENGTH;
    private static final String DEFAULT_CATEGORY = "uncategorized";
    private static final Pattern MENU_URL = Pattern.compile("(?i)(https?://\\S+|mailto:\\S+|tel:[0-9+().\\s-]+)");

    private final PostService posts;
    private final PageService pages;
    private final CategoryService categories;
    private final MenuService menus;
    private final CommentService comments;
    private final PostRepository postRepository;
    private final PageRepository pageRepository;
    private final CategoryRepository categoryRepository;
    private final MenuRepository menuRepository;
    private final HtmlSanitizer sanitizer;
    private final Validator validator;
    private final EntityManager entityManager;
    private final WriteLocks locks;

    WordPressImporter(PostService posts, PageService pages, CategoryService categories, MenuService menus,
                      CommentService comments, PostRepository postRepository, PageRepository pageRepository,
                      CategoryRepository categoryRepository, MenuRepository menuRepository,
                      HtmlSanitizer sanitizer, Validator validator, EntityManager entityManager, WriteLocks locks) {
        this.posts = posts;
        this.pages = pages;
        this.categories = categories;
        this.menus = menus;
        this.comments = comments;
        this.postRepository = postRepository;
        this.pageRepository = pageRepository;
        this.categoryRepository = categoryRepository;
        this.menuRepository = menuRepository;
        this.sanitizer = sanitizer;
        this.validator = validator;
        this.entityManager = entityManager;
        this.locks = locks;
    }

    /** @throws ProblemException 400 invalid-wordpress-export when the file is not a WordPress export that can be read */
    @Transactional
    @TransactionConfiguration(timeout = 6 * 60 * 60)
    public ImportReport importSite(ImportSource file, Tags tags, boolean dryRun, ImportProgress progress) {
        Outline outline = outline(file);
        progress.at(0, outline.items);
        // Before anything is read, in WriteLocks' order: a second import of the same file waits, then finds it all.
        locks.lock(WriteLocks.Scope.CATEGORIES);
        locks.lock(WriteLocks.Scope.POSTS);
        locks.lock(WriteLocks.Scope.PAGES);
        locks.lock(WriteLocks.Scope.MENUS);
        Run run = new Run(outline, tags, dryRun);
        try (InputStream in = file.open(); WxrReader wxr = new WxrReader(in)) {
            WxrReader.Element element;
            while ((element = wxr.next()) != null) {
                if (element instanceof WxrReader.Item item) {
                    run.categoriesOnce();
                    run.item(item);
                    if (++run.done % ITEMS_PER_FLUSH == 0) {
                        entityManager.flush();
                        entityManager.clear();
                        progress.at(run.done, outline.items);
                    }
                }
            }
            run.categoriesOnce();
            run.remainingPages();
            run.menus();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        progress.at(outline.items, outline.items);
        if (dryRun) {
            // Everything was done, so that the report is exactly what an import would do, then undone.
            QuarkusTransaction.setRollbackOnly();
        }
        return run.report();
    }

    /** What the first reading learns: everything later items refer to, and nothing of the posts' bodies. */
    private static final class Outline {
        String source;
        long items;
        final Map<String, String> authors = new HashMap<>();
        final List<WxrReader.Category> categories = new ArrayList<>();
        final List<WxrReader.Tag> tags = new ArrayList<>();
        final Map<Long, String> menuNames = new LinkedHashMap<>();
        final Map<String, String> menuNamesBySlug = new LinkedHashMap<>();
        /** Attachments by id: their address and alternative text, for posts' featured images. */
        final Map<Long, FeaturedImage> attachments = new HashMap<>();
        final Map<Long, PageNode> pages = new HashMap<>();
        final List<MenuEntry> menuItems = new ArrayList<>();
    }

    private record PageNode(long id, long parent, int menuOrder, String status, String title) {
    }

    private record MenuEntry(long id, String menu, String title, String type, String object, long objectId,
                             long parent, int order, String url) {
    }

    private Outline outline(ImportSource file) {
        Outline outline = new Outline();
        try (InputStream in = file.open(); WxrReader wxr = new WxrReader(in)) {
            WxrReader.Element element;
            while ((element = wxr.next()) != null) {
                if (outline.source == null && wxr.siteAddress() != null) {
                    outline.source = stripSlash(wxr.siteAddress().strip());
                }
                if (element instanceof WxrReader.Author author) {
                    String name = WordPressContent.text(author.displayName());
                    outline.authors.put(author.login(), name.isEmpty() ? author.login() : name);
                } else if (element instanceof WxrReader.Category category) {
                    outline.categories.add(category);
                } else if (element instanceof WxrReader.Tag tag) {
                    outline.tags.add(tag);
                } else if (element instanceof WxrReader.Term term && "nav_menu".equals(term.taxonomy())) {
                    outline.menuNamesBySlug.put(term.slug(), WordPressContent.text(term.name()));
                } else if (element instanceof WxrReader.Item item) {
                    outline.items++;
                    learn(outline, item);
                }
            }
            if (outline.source == null) {
                outline.source = stripSlash(wxr.siteAddress() == null ? wxr.title() : wxr.siteAddress().strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (outline.source == null || outline.source.isBlank()) {
            throw new ProblemException(ProblemType.INVALID_WORDPRESS_EXPORT,
                    "The export names no site (wp:base_blog_url or wp:base_site_url) to know its items again by");
        }
        outline.source = ImportRules.limited(outline.source);
        return outline;
    }

    private static void learn(Outline outline, WxrReader.Item item) {
        switch (item.type()) {
            case "attachment" -> {
                String url = item.attachmentUrl() == null ? item.link() : item.attachmentUrl();
                String alt = item.meta("_wp_attachment_image_alt");
                if (url != null) {
                    outline.attachments.put(item.id(), new FeaturedImage(url.strip(),
                            alt == null || alt.isBlank() ? null : Excerpts.shortened(alt.strip(), 500)));
                }
            }
            case "page" -> outline.pages.put(item.id(),
                    new PageNode(item.id(), item.parent() == item.id() ? 0 : item.parent(), item.menuOrder(),
                            item.status(), item.title()));
            case "nav_menu_item" -> {
                String menu = item.terms().stream().filter(term -> "nav_menu".equals(term.domain()))
                        .map(WxrReader.ItemTerm::nicename).findFirst().orElse(null);
                if (menu != null) {
                    outline.menuItems.add(new MenuEntry(item.id(), menu, item.title(), item.meta("_menu_item_type"),
                            item.meta("_menu_item_object"), item.metaId("_menu_item_object_id"),
                            item.metaId("_menu_item_menu_item_parent"), item.menuOrder(), item.meta("_menu_item_url")));
                    item.terms().stream().filter(term -> "nav_menu".equals(term.domain()))
                            .forEach(term -> outline.menuNamesBySlug.putIfAbsent(term.nicename(), WordPressContent.text(term.name())));
                }
            }
            default -> {
            }
        }
    }

    /** One import: what it has made so far, and the report. */
    private final class Run {

        final Outline outline;
        final Tags tags;
        final boolean dryRun;
        long done;
        boolean categoriesMade;
        final List<ImportReport.Created> created = new ArrayList<>();
        final List<ImportReport.Skipped> skipped = new ArrayList<>();
        final List<String> categoriesCreated = new ArrayList<>();
        final Map<String, Integer> statuses = new TreeMap<>();
        int commentsCreated;
        int htmlRemovals;
        /** WordPress's category nicenames (and tag slugs, when kept) → ours. */
        final Map<String, String> categorySlugs = new HashMap<>();
        final Map<Long, Long> categoryIds = new HashMap<>();
        final Map<Long, String> categoryNames = new HashMap<>();
        final Map<Long, Long> pageIds = new HashMap<>();
        final Set<Long> pagesSkipped = new HashSet<>();
        /** Pages waiting for a parent that comes later in the file, by that parent's WordPress id. */
        final Map<Long, List<WxrReader.Item>> waitingPages = new HashMap<>();
        final Map<Long, Long> postIds = new HashMap<>();
        final Map<Long, String> postTitles = new HashMap<>();
        final Set<Long> postsInMenus;

        Run(Outline outline, Tags tags, boolean dryRun) {
            this.outline = outline;
            this.tags = tags;
            this.dryRun = dryRun;
            this.postsInMenus = outline.menuItems.stream().filter(entry -> "post".equals(entry.object()))
                    .map(MenuEntry::objectId).collect(Collectors.toSet());
        }

        ImportReport report() {
            List<ImportReport.StatusMapping> mappings = statuses.entrySet().stream().map(entry -> {
                String[] key = entry.getKey().split("\n");
                return new ImportReport.StatusMapping(key[0], key[1], key[2], entry.getValue());
            }).toList();
            return new ImportReport(outline.source, dryRun, created, skipped, categoriesCreated, commentsCreated,
                    mappings, htmlRemovals);
        }

        void mapped(String type, String status, String becomes) {
            statuses.merge(type + "\n" + (status.isBlank() ? "(none)" : status) + "\n" + becomes, 1, Integer::sum);
        }

        // --- Categories ---------------------------------------------------------------------------------------

        /** Parents first, whatever order the file gives them in; WordPress's default category is left out. */
        void categoriesOnce() {
            if (categoriesMade) {
                return;
            }
            categoriesMade = true;
            Map<String, WxrReader.Category> bySlug = new LinkedHashMap<>();
            outline.categories.forEach(category -> bySlug.putIfAbsent(category.slug(), category));
            Set<String> visiting = new HashSet<>();
            for (WxrReader.Category category : bySlug.values()) {
                category(category, bySlug, visiting);
            }
            if (tags == Tags.CATEGORIES) {
                for (WxrReader.Tag tag : outline.tags) {
                    if (!categorySlugs.containsKey(tag.slug())) {
                        String slug = ensureCategory(tag.name(), tag.slug(), null, null, tag.termId());
                        if (slug != null) {
                            categorySlugs.put(tag.slug(), slug);
                        }
                    }
                }
            } else if (!outline.tags.isEmpty()) {
                statuses.merge("tag\nany\ndropped", outline.tags.size(), Integer::sum);
            }
        }

        private String category(WxrReader.Category category, Map<String, WxrReader.Category> bySlug, Set<String> visiting) {
            if (categorySlugs.containsKey(category.slug())) {
                return categorySlugs.get(category.slug());
            }
            if (DEFAULT_CATEGORY.equals(category.slug())) {
                skipped.add(new ImportReport.Skipped(ImportReport.Kind.CATEGORY, category.slug(), category.name(),
                        "WordPress's default category, which every post without one is in"));
                categorySlugs.put(category.slug(), null);
                return null;
            }
            String parentSlug = null;
            WxrReader.Category parent = bySlug.get(category.parentSlug());
            if (parent != null && visiting.add(category.slug())) {
                parentSlug = category(parent, bySlug, visiting);
            }
            String slug = ensureCategory(category.name(), category.slug(), category.description(), parentSlug,
                    category.termId());
            categorySlugs.put(category.slug(), slug);
            if (slug != null) {
                redirect("/category/" + categoryPath(category, bySlug, new HashSet<>()) + "/", "category_id",
                        categoryIds.get(category.termId()));
            }
            return slug;
        }

        private String categoryPath(WxrReader.Category category, Map<String, WxrReader.Category> bySlug, Set<String> seen) {
            WxrReader.Category parent = bySlug.get(category.parentSlug());
            return parent == null || !seen.add(category.slug())
                    ? category.slug() : categoryPath(parent, bySlug, seen) + "/" + category.slug();
        }

        /** The category with this WordPress slug, made when the site has none: merged by slug. */
        private String ensureCategory(String name, String wordpressSlug, String description, String parentSlug, long termId) {
            String slug = ourSlug(wordpressSlug, WordPressContent.text(name));
            String cleanName = WordPressContent.text(name);
            if (slug == null || cleanName.isEmpty()) {
                skipped.add(new ImportReport.Skipped(ImportReport.Kind.CATEGORY, wordpressSlug, name,
                        "Neither its slug nor its name makes a slug"));
                return null;
            }
            var existing = categoryRepository.findBySlug(slug);
            if (existing.isPresent()) {
                categoryIds.put(termId, existing.get().id);
                categoryNames.put(termId, existing.get().name);
                return slug;
            }
            CategoryRequest request = new CategoryRequest(Excerpts.shortened(cleanName, LABEL_LENGTH), slug,
                    description == null || description.isBlank() ? null : Excerpts.shortened(description.strip(), SUMMARY_LENGTH),
                    parentSlug);
            String invalid = violations(request);
            if (invalid != null) {
                skipped.add(new ImportReport.Skipped(ImportReport.Kind.CATEGORY, wordpressSlug, name, invalid));
                return null;
            }
            CategoryResponse category = categories.create(request);
            categoriesCreated.add(category.slug());
            categoryIds.put(termId, category.id());
            categoryNames.put(termId, category.name());
            return category.slug();
        }

        // --- Items --------------------------------------------------------------------------------------------

        void item(WxrReader.Item item) {
            switch (item.type()) {
                case "post" -> post(item);
                case "page" -> page(item);
                case "attachment" -> mapped("attachment", item.status(), "featured image address");
                case "nav_menu_item" -> mapped("nav_menu_item", item.status(), "menu item");
                default -> {
                    mapped(item.type(), item.status(), "skipped");
                    skipped.add(new ImportReport.Skipped(ImportReport.Kind.POST, Long.toString(item.id()), title(item),
                            "WordPress post type '" + item.type() + "' has no counterpart here"));
                }
            }
        }

        private void post(WxrReader.Item item) {
            String externalId = Long.toString(item.id());
            PostStatus status = postStatus(item);
            String title = title(item);
            mapped("post", item.status(), status == null ? "skipped" : status.wireName());
            if (status == null) {
                skipped.add(new ImportReport.Skipped(ImportReport.Kind.POST, externalId, title,
                        "WordPress status '" + item.status() + "' is not imported"));
                return;
            }
            if (known("imported_posts", externalId)) {
                skipped.add(new ImportReport.Skipped(ImportReport.Kind.POST, externalId, title, "Imported before"));
                return;
            }
            String body = WordPressContent.bodyHtml(item.content());
            String slug = ourSlug(item.name(), title);
            String freeSlug = slug == null ? null
                    : Slugs.firstFree(slug, candidate -> postRepository.slugTaken(candidate, null));
            List<String> postCategories = new ArrayList<>();
            for (WxrReader.ItemTerm term : item.terms()) {
                if ("category".equals(term.domain()) || ("post_tag".equals(term.domain()) && tags == Tags.CATEGORIES)) {
                    // Null for a category left out (WordPress's default): known, and not made from the item.
                    if (!categorySlugs.containsKey(term.nicename())) {
                        categorySlugs.put(term.nicename(), ensureCategory(term.name(), term.nicename(), null, null, -1));
                    }
                    String ours = categorySlugs.get(term.nicename());
                    if (ours != null && !postCategories.contains(ours)) {
                        postCategories.add(ours);
                    }
                }
            }
            String excerpt = WordPressContent.plainText(item.excerpt());
            FeaturedImage image = outline.attachments.get(item.metaId("_thumbnail_id"));
            String author = item.creator() == null ? null : outline.authors.getOrDefault(item.creator(), item.creator());
            PostRequest request = new PostRequest(title, freeSlug, excerpt.isEmpty() ? null : Excerpts.shortened(excerpt, EXCERPT_LENGTH),
                    body, image, author == null || author.isBlank() ? null : Excerpts.shortened(author.strip(), AUTHOR_LENGTH),
                    status, status == PostStatus.DRAFT ? null : WordPressContent.gmt(item.postDateGmt()),
                    "open".equals(item.commentStatus()) ? CommentStatus.OPEN : CommentStatus.CLOSED,
                    postCategories);
            if (request.featuredImage() != null && !validator.validate(request.featuredImage()).isEmpty()) {
                request = withoutImage(request);
            }
            String invalid = violations(request);
            if (invalid != null) {
                skipped.add(new ImportReport.Skipped(ImportReport.Kind.POST, externalId, title, invalid));
                return;
            }
            PostResponse post = posts.create(request);
            remember("imported_posts", "post_id", externalId, post.id(), item.link());
            redirect("/?p=" + item.id(), "post_id", post.id());
            postIds.put(item.id(), post.id());
            if (postsInMenus.contains(item.id())) {
                postTitles.put(item.id(), post.title());
            }
            int removed = sanitizer.removals(body);
            htmlRemovals += removed;
            created.add(new ImportReport.Created(ImportReport.Kind.POST, externalId, dryRun ? null : post.id(),
                    post.slug(), post.title(), slug != null && !slug.equals(post.slug()), removed));
            comments(item, post.id());
        }

        private PostRequest withoutImage(PostRequest request) {
            return new PostRequest(request.title(), request.slug(), request.excerpt(), request.bodyHtml(), null,
                    request.author(), request.status(), request.publishedAt(), request.commentStatus(), request.categories());
        }

        private PostStatus postStatus(WxrReader.Item item) {
            return switch (item.status()) {
                case "publish" -> item.password().isEmpty() ? PostStatus.PUBLISHED : PostStatus.DRAFT;
                case "future" -> PostStatus.SCHEDULED;
                case "draft", "pending", "private" -> PostStatus.DRAFT;
                default -> null;
            };
        }

        /** Comments oldest first; a reply whose parent was left out (a pingback) answers the nearest kept ancestor. */
        private void comments(WxrReader.Item item, long postId) {
            Map<Long, WxrReader.Comment> byId = new HashMap<>();
            item.comments().forEach(comment -> byId.put(comment.id(), comment));
            Map<Long, Long> ours = new HashMap<>();
            List<WxrReader.Comment> ordered = item.comments().stream()
                    .sorted(Comparator.comparing(WxrReader.Comment::id)).toList();
            for (WxrReader.Comment comment : ordered) {
                CommentState state = commentState(comment);
                String type = comment.type().isBlank() ? "comment" : comment.type();
                mapped(type, comment.approved(), state == null ? "skipped" : state.wireName());
                if (state == null) {
                    continue;
                }
                Long parent = null;
                Set<Long> seen = new HashSet<>();
                for (long up = comment.parent(); up != 0 && seen.add(up); up = byId.containsKey(up) ? byId.get(up).parent() : 0) {
                    if (ours.containsKey(up)) {
                        parent = ours.get(up);
                        break;
                    }
                }
                try {
                    ours.put(comment.id(), comments.imported(new ImportedComment(postId, parent, state,
                            Excerpts.shortened(comment.author().strip(), 100), comment.email(), comment.url(),
                            WordPressContent.plainText(comment.content()), ipAddress(comment.ip()),
                            Objects.requireNonNullElse(WordPressContent.gmt(comment.dateGmt()), java.time.Instant.EPOCH))));
                    commentsCreated++;
                } catch (ProblemException refused) {
                    skipped.add(new ImportReport.Skipped(ImportReport.Kind.COMMENT, item.id() + "/" + comment.id(),
                            comment.author(), refused.getMessage()));
                }
            }
        }

        private CommentState commentState(WxrReader.Comment comment) {
            if (!comment.type().isBlank() && !"comment".equals(comment.type())) {
                return null;
            }
            return switch (comment.approved()) {
                case "1" -> CommentState.APPROVED;
                case "0" -> CommentState.PENDING;
                case "spam" -> CommentState.SPAM;
                case "trash", "post-trashed" -> CommentState.TRASH;
                default -> null;
            };
        }

        // --- Pages --------------------------------------------------------------------------------------------

        private void page(WxrReader.Item item) {
            PageStatus status = pageStatus(item.status());
            String externalId = Long.toString(item.id());
            if (status == null) {
                mapped("page", item.status(), "skipped");
                pagesSkipped.add(item.id());
                skipped.add(new ImportReport.Skipped(ImportReport.Kind.PAGE, externalId, title(item),
                        "WordPress status '" + item.status() + "' is not imported"));
                releaseChildren(item.id());
                return;
            }
            long parent = effectiveParent(item.id());
            if (parent != 0 && !pageIds.containsKey(parent) && !pagesSkipped.contains(parent)) {
                waitingPages.computeIfAbsent(parent, key -> new ArrayList<>()).add(item);
                return;
            }
            createPage(item, status, parent);
        }

        private void createPage(WxrReader.Item item, PageStatus status, long parent) {
            String externalId = Long.toString(item.id());
            String title = title(item);
            mapped("page", item.status(), status.wireName());
            Long existing = knownPage(externalId);
            if (existing != null || known("imported_pages", externalId)) {
                if (existing != null) {
                    pageIds.put(item.id(), existing);
                } else {
                    pagesSkipped.add(item.id());
                }
                skipped.add(new ImportReport.Skipped(ImportReport.Kind.PAGE, externalId, title, "Imported before"));
                releaseChildren(item.id());
                return;
            }
            Long parentId = parent == 0 ? null : pageIds.get(parent);
            String parentPath = parentId == null ? null : pageRepository.findByIdOptional(parentId).map(page -> page.path).orElse(null);
            String slug = ourSlug(item.name(), title);
            String freeSlug = slug == null ? null : Slugs.firstFree(slug, candidate ->
                    pageRepository.findByPath(parentPath == null ? candidate : parentPath + "/" + candidate).isPresent());
            String summary = WordPressContent.plainText(item.excerpt());
            String body = WordPressContent.bodyHtml(item.content());
            PageRequest request = new PageRequest(title, freeSlug, parentId, position(item, parent, parentId), status,
                    summary.isEmpty() ? null : Excerpts.shortened(summary, SUMMARY_LENGTH), body, null);
            String invalid = violations(request);
            if (invalid != null) {
                pagesSkipped.add(item.id());
                skipped.add(new ImportReport.Skipped(ImportReport.Kind.PAGE, externalId, title, invalid));
                releaseChildren(item.id());
                return;
            }
            PageResponse page;
            try {
                page = pages.create(request);
            } catch (ProblemException refused) {
                // The path grew past its limit under deep parents, or the like: the page says why, its children move up.
                pagesSkipped.add(item.id());
                skipped.add(new ImportReport.Skipped(ImportReport.Kind.PAGE, externalId, title, refused.getMessage()));
                releaseChildren(item.id());
                return;
            }
            pageIds.put(item.id(), page.id());
            remember("imported_pages", "page_id", externalId, page.id(), item.link());
            redirect("/?page_id=" + item.id(), "page_id", page.id());
            int removed = sanitizer.removals(body);
            htmlRemovals += removed;
            created.add(new ImportReport.Created(ImportReport.Kind.PAGE, externalId, dryRun ? null : page.id(),
                    page.path(), page.title(), slug != null && !slug.equals(page.slug()), removed));
            releaseChildren(item.id());
        }

        /** Its place among the siblings made so far: before those that WordPress orders after it. */
        private int position(WxrReader.Item item, long parent, Long parentId) {
            Comparator<PageNode> order = Comparator.comparingInt(PageNode::menuOrder).thenComparingLong(PageNode::id);
            PageNode me = outline.pages.get(item.id());
            long later = pageIds.keySet().stream().map(outline.pages::get)
                    .filter(node -> node != null && effectiveParent(node.id()) == parent && order.compare(node, me) > 0)
                    .count();
            int siblings = parentId == null
                    ? pageRepository.siblings(null).size()
                    : pageRepository.findByIdOptional(parentId).map(pageRepository::siblings).map(List::size).orElse(0);
            return (int) Math.max(0, siblings - later);
        }

        private void releaseChildren(long wordpressId) {
            List<WxrReader.Item> children = waitingPages.remove(wordpressId);
            if (children != null) {
                children.forEach(this::page);
            }
        }

        /** The nearest ancestor that is imported or still to come; a page under a left-out page moves up. */
        private long effectiveParent(long wordpressId) {
            PageNode node = outline.pages.get(wordpressId);
            Set<Long> seen = new HashSet<>();
            long parent = node == null ? 0 : node.parent();
            while (parent != 0 && seen.add(parent)) {
                PageNode up = outline.pages.get(parent);
                if (up == null) {
                    return 0;
                }
                if (pageStatus(up.status()) != null && !pagesSkipped.contains(parent)) {
                    return parent;
                }
                parent = up.parent();
            }
            return 0;
        }

        /** Pages whose parent never came: at the top level. */
        void remainingPages() {
            while (!waitingPages.isEmpty()) {
                Long parent = waitingPages.keySet().iterator().next();
                pagesSkipped.add(parent);
                releaseChildren(parent);
            }
        }

        private PageStatus pageStatus(String status) {
            return switch (status) {
                case "publish" -> PageStatus.PUBLISHED;
                case "future", "draft", "pending", "private" -> PageStatus.DRAFT;
                default -> null;
            };
        }

        // --- Menus --------------------------------------------------------------------------------------------

        /** At the end, as WordPress's own importer does: an item may name a page, post or parent item that comes later. */
        void menus() {
            Map<String, List<MenuEntry>> byMenu = new LinkedHashMap<>();
            outline.menuItems.stream()
                    .sorted(Comparator.comparingInt(MenuEntry::order).thenComparingLong(MenuEntry::id))
                    .forEach(entry -> byMenu.computeIfAbsent(entry.menu(), key -> new ArrayList<>()).add(entry));
            for (Map.Entry<String, List<MenuEntry>> menu : byMenu.entrySet()) {
                String name = outline.menuNamesBySlug.getOrDefault(menu.getKey(), menu.getKey());
                String slug = ourSlug(menu.getKey(), name);
                if (slug == null) {
                    skipped.add(new ImportReport.Skipped(ImportReport.Kind.MENU, menu.getKey(), name, "No slug can be made of it"));
                    continue;
                }
                if (menuRepository.findBySlug(slug).isPresent()) {
                    skipped.add(new ImportReport.Skipped(ImportReport.Kind.MENU, menu.getKey(), name,
                            "The site has a menu '" + slug + "' already"));
                    continue;
                }
                Map<Long, MenuEntry> entries = new HashMap<>();
                menu.getValue().forEach(entry -> entries.put(entry.id(), entry));
                Map<Long, MenuLinkRequest> links = new HashMap<>();
                Map<Long, String> labels = new HashMap<>();
                for (MenuEntry entry : menu.getValue()) {
                    MenuLinkRequest link = link(entry);
                    if (link != null) {
                        links.put(entry.id(), link);
                        labels.put(entry.id(), label(entry));
                    }
                }
                List<Long> order = menu.getValue().stream().map(MenuEntry::id).filter(links::containsKey).toList();
                for (Long id : order.subList(Math.min(order.size(), MenuService.MAX_ITEMS), order.size())) {
                    links.remove(id);
                    skipped.add(new ImportReport.Skipped(ImportReport.Kind.MENU_ITEM, Long.toString(id), labels.get(id),
                            "A menu holds at most " + MenuService.MAX_ITEMS + " items; its children take its place"));
                }
                order = order.stream().filter(links::containsKey).toList();
                // An item under one that was left out hangs from the nearest kept ancestor.
                Map<Long, Long> parents = new HashMap<>();
                for (Long id : order) {
                    long parent = entries.get(id).parent();
                    Set<Long> seen = new HashSet<>();
                    while (parent != 0 && !links.containsKey(parent) && seen.add(parent)) {
                        parent = entries.containsKey(parent) ? entries.get(parent).parent() : 0;
                    }
                    parents.put(id, links.containsKey(parent) && parent != id ? parent : 0L);
                }
                keepWithinDepth(order, parents);
                List<MenuTreeItem> tree = tree(0L, order, parents, links, labels, new HashSet<>());
                MenuResponse made = menus.create(new MenuRequest(slug,
                        Excerpts.shortened(name.isBlank() ? slug : name.strip(), LABEL_LENGTH), tree));
                created.add(new ImportReport.Created(ImportReport.Kind.MENU, menu.getKey(), null, made.slug(), made.name(),
                        !slug.equals(menu.getKey()), 0));
            }
        }

        /**
         * WordPress nests menu items without limit; ours stop at {@link MenuService#MAX_DEPTH} levels, and an item
         * deeper than that joins the deepest level, under its ancestor there (as a reply too deep joins its parent's).
         */
        private static void keepWithinDepth(List<Long> order, Map<Long, Long> parents) {
            for (Long id : order) {
                List<Long> ancestors = new ArrayList<>();
                Set<Long> seen = new HashSet<>();
                for (long at = parents.get(id); at != 0 && seen.add(at); at = parents.getOrDefault(at, 0L)) {
                    ancestors.add(at);
                }
                if (ancestors.size() >= MenuService.MAX_DEPTH) {
                    parents.put(id, ancestors.get(ancestors.size() - (MenuService.MAX_DEPTH - 1)));
                }
            }
        }

        private List<MenuTreeItem> tree(long parent, List<Long> order, Map<Long, Long> parents,
                                        Map<Long, MenuLinkRequest> links, Map<Long, String> labels, Set<Long> placed) {
            List<MenuTreeItem> items = new ArrayList<>();
            for (Long id : order) {
                if (parents.get(id) == parent && placed.add(id)) {
                    items.add(new MenuTreeItem(labels.get(id), links.get(id), tree(id, order, parents, links, labels, placed)));
                }
            }
            return items;
        }

        /** The item's link, or null (and a line in the report) when its target was not imported. */
        private MenuLinkRequest link(MenuEntry entry) {
            String type = entry.type() == null ? "" : entry.type();
            String object = entry.object() == null ? "" : entry.object();
            Long target = null;
            MenuLinkRequest link = null;
            switch (type) {
                case "post_type" -> {
                    if ("page".equals(object)) {
                        target = pageIds.get(entry.objectId());
                        link = target == null ? null : new MenuLinkRequest(LinkType.PAGE, target, null, null, null, null, null);
                    } else if ("post".equals(object)) {
                        target = postIds.get(entry.objectId());
                        link = target == null ? null : new MenuLinkRequest(LinkType.POST, null, target, null, null, null, null);
                    }
                }
                case "taxonomy" -> {
                    if ("category".equals(object) || ("post_tag".equals(object) && tags == Tags.CATEGORIES)) {
                        target = categoryIds.get(entry.objectId());
                        link = target == null ? null : new MenuLinkRequest(LinkType.CATEGORY, null, null, target, null, null, null);
                    }
                }
                case "custom" -> link = customLink(entry.url());
                default -> {
                }
            }
            if (link == null) {
                skipped.add(new ImportReport.Skipped(ImportReport.Kind.MENU_ITEM, Long.toString(entry.id()), entry.title(),
                        "custom".equals(type) ? "Its address '" + entry.url() + "' is not a link a menu can hold"
                                : "It links to " + (object.isEmpty() ? type : object) + " " + entry.objectId()
                                + ", which was not imported; its children take its place"));
            }
            return link;
        }

        private MenuLinkRequest customLink(String url) {
            String address = url == null ? "" : url.strip();
            if (address.isEmpty() || address.equals("#")) {
                return new MenuLinkRequest(LinkType.NONE, null, null, null, null, null, null);
            }
            if (address.startsWith("/") && !address.startsWith("//")) {
                // A path on the old site: its redirects (GET /api/imports/redirects) lead on from there.
                address = outline.source + address;
            }
            return address.length() <= LINK_LENGTH && MENU_URL.matcher(address).matches()
                    ? new MenuLinkRequest(LinkType.URL, null, null, null, null, null, address) : null;
        }

        private String label(MenuEntry entry) {
            String label = WordPressContent.text(entry.title());
            if (label.isEmpty()) {
                label = switch (entry.type() == null ? "" : entry.type()) {
                    case "post_type" -> "page".equals(entry.object())
                            ? WordPressContent.text(Objects.requireNonNullElse(outline.pages.get(entry.objectId()),
                                    new PageNode(0, 0, 0, "", "")).title())
                            : postTitles.getOrDefault(entry.objectId(), "");
                    case "taxonomy" -> categoryNames.getOrDefault(entry.objectId(), "");
                    default -> entry.url() == null ? "" : entry.url();
                };
            }
            label = label.strip();
            return Excerpts.shortened(label.isEmpty() ? "Link" : label, LABEL_LENGTH);
        }

        // --- Shared -------------------------------------------------------------------------------------------

        private boolean known(String table, String externalId) {
            return !entityManager.createNativeQuery("select 1 from " + table + " where source = ?1 and external_id = ?2")
                    .setParameter(1, outline.source).setParameter(2, externalId).getResultList().isEmpty();
        }

        private Long knownPage(String externalId) {
            List<?> rows = entityManager.createNativeQuery(
                            "select page_id from imported_pages where source = ?1 and external_id = ?2 and page_id is not null")
                    .setParameter(1, outline.source).setParameter(2, externalId).getResultList();
            return rows.isEmpty() ? null : ((Number) rows.get(0)).longValue();
        }

        private void remember(String table, String column, String externalId, long id, String link) {
            entityManager.createNativeQuery("insert into " + table + " (source, external_id, " + column + ", link) "
                            + "values (?1, ?2, ?3, ?4)")
                    .setParameter(1, outline.source).setParameter(2, externalId).setParameter(3, id)
                    .setParameter(4, ImportedRedirects.oldAddress(link)).executeUpdate();
        }

        private void redirect(String path, String column, Long id) {
            if (id == null) {
                return;
            }
            entityManager.createNativeQuery("insert into import_redirects (from_url, " + column + ") values (?1, ?2) "
                            + "on conflict (from_url) do nothing")
                    .setParameter(1, ImportRules.limited(outline.source + path)).setParameter(2, id).executeUpdate();
        }

        private String violations(Object request) {
            return ImportRules.violations(validator, request);
        }
    }

    private static String title(WxrReader.Item item) {
        return ImportRules.title(WordPressContent.text(item.title()), item.content());
    }

    /** WordPress's slug when it is one here (it may be percent-encoded, or a draft's empty one), else the name's. */
    private static String ourSlug(String wordpressSlug, String name) {
        String slug = wordpressSlug == null ? "" : URLDecoder.decode(wordpressSlug.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (!slug.matches(Slugs.PATTERN) || slug.length() > Slugs.MAX_LENGTH) {
            slug = Slugs.slugify(slug.isEmpty() ? (name == null ? "" : name) : slug);
        }
        if (slug.isEmpty() && name != null) {
            slug = Slugs.slugify(name);
        }
        return slug.isEmpty() ? null : slug;
    }

    private static String ipAddress(String ip) {
        String address = ip == null ? "" : ip.strip();
        if (address.isEmpty() || !address.matches("[0-9a-fA-F:.]+")) {
            return null;
        }
        try {
            // A literal: no name is looked up.
            InetAddress.getByName(address);
            return address;
        } catch (IOException e) {
            return null;
        }
    }

    private static String stripSlash(String url) {
        return url == null ? null : url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

}
