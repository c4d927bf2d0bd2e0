package org.noticeboard.post;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.jsoup.Jsoup;
import org.noticeboard.category.Category;
import org.noticeboard.category.CategoryRepository;
import org.noticeboard.common.ContentDeletion;
import org.noticeboard.common.Expected;
import org.noticeboard.common.HtmlSanitizer;
import org.noticeboard.common.MovedPermanently;
import org.noticeboard.common.Paging;
import org.noticeboard.common.Paged;
import org.noticeboard.common.Problem;
import org.noticeboard.common.ProblemException;
import org.noticeboard.common.Slugs;
import org.noticeboard.common.WriteLocks;
import org.noticeboard.site.SiteService;
import org.noticeboard.site.SiteSettings;
import org.noticeboard.user.AuditTrail;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

@ApplicationScoped
public class PostService {

    private static final int MAX_SLUGS_IN_MESSAGE = 30;
    /** Slugs that would collide with the front end's news routes (/news/category/..., /news/archive/...). */
    private static final Set<String> RESERVED_SLUGS = Set.of("category", "archive");

    private final PostRepository posts;
    private final CategoryRepository categories;
    private final SiteService site;
    private final AuditTrail auditTrail;
    private final HtmlSanitizer sanitizer;
    private final Event<ContentDeletion> deletions;
    private final WriteLocks locks;

    PostService(PostRepository posts, CategoryRepository categories, SiteService site, AuditTrail auditTrail,
                HtmlSanitizer sanitizer, Event<ContentDeletion> deletions, WriteLocks locks) {
        this.posts = posts;
        this.categories = categories;
        this.site = site;
        this.auditTrail = auditTrail;
        this.sanitizer = sanitizer;
        this.deletions = deletions;
        this.locks = locks;
    }

    /**
     * Posts newest first.
     *
     * @param status       which posts; anything but PUBLISHED is for editors (the resource checks)
     * @param categorySlug only posts in this category, when not null
     * @param year         only posts published in this year (in the site's time zone), when not null
     * @param month        with {@code year}: only that month
     * @param search       only posts that match this full-text query, when not null
     * @param byRelevance  with {@code search}: best match first rather than newest first
     */
    @Transactional
    public Paged<PostSummary> list(PostStatusFilter status, String categorySlug, Integer year, Integer month,
                                   String search, boolean byRelevance, Paging page) {
        PostRepository.Filter filter = new PostRepository.Filter(status,
                categorySlug == null ? null : categoryId(categorySlug),
                year == null ? null : period(year, month, site.settings().zone()));
        long total;
        List<PostSummaryRow> rows;
        if (search == null) {
            total = posts.count(filter);
            rows = posts.list(filter, page, total);
        } else {
            PostRepository.Matches matches = posts.matching(filter, search, byRelevance, page);
            total = matches.total();
            rows = matches.rows();
        }
        Map<Long, List<CategoryLink>> categoriesByPost = posts.categoriesOf(rows.stream().map(PostSummaryRow::id).toList());
        List<PostSummary> items = rows.stream()
                .map(row -> PostSummary.of(row, categoriesByPost.getOrDefault(row.id(), List.of())))
                .toList();
        return Paged.of(items, page, total);
    }

    /** @param editorial whether the caller is an editor: drafts and scheduled posts too, with audit fields */
    @Transactional
    public PostResponse byId(long id, boolean editorial) {
        Post post = posts.findById(id, visible(editorial))
                .orElseThrow(() -> ProblemException.notFound("No published post has the id " + id));
        return response(post, editorial);
    }

    /** A former slug answers 301 with the post's current address. */
    @Transactional
    public PostResponse bySlug(String slug, boolean editorial) {
        Optional<Post> post = posts.findBySlug(slug, visible(editorial));
        if (post.isPresent()) {
            return response(post.get(), editorial);
        }
        posts.formerOwnerOf(slug)
                .filter(moved -> editorial || moved.visible)
                .ifPresent(moved -> {
                    throw new MovedPermanently("/api/posts/slug/" + moved.slug);
                });
        throw ProblemException.notFound("No published post has the slug '" + slug + "'");
    }

    @Transactional
    public PostResponse create(PostRequest request) {
        locks.lock(WriteLocks.Scope.POSTS);
        Post post = new Post();
        post.commentStatus = site.settings().commentsOpenByDefault ? CommentStatus.OPEN : CommentStatus.CLOSED;
        apply(post, request);
        posts.persist(post);
        return written(post);
    }

    @Transactional
    public PostResponse update(long id, PostRequest request, Expected expected) {
        locks.lock(WriteLocks.Scope.POSTS);
        Post post = editable(id, expected);
        String oldSlug = post.slug;
        if (request.commentStatus() == null) {
            post.commentStatus = site.settings().commentsOpenByDefault ? CommentStatus.OPEN : CommentStatus.CLOSED;
        }
        apply(post, request);
        if (!post.slug.equals(oldSlug)) {
            posts.rememberFormerSlug(oldSlug, post);
        }
        return written(post);
    }

    /** The post as a full request, the base a merge patch applies to. */
    @Transactional
    public PostRequest currentRequest(long id) {
        Post post = posts.findByIdOptional(id).orElseThrow(() -> notFound(id));
        List<String> categorySlugs = posts.categoriesOf(List.of(id)).getOrDefault(id, List.of()).stream()
                .map(CategoryLink::slug).toList();
        return new PostRequest(post.title, post.slug, post.excerpt, post.bodyHtml,
                FeaturedImage.of(post.featuredImageUrl, post.featuredImageAlt), post.authorName, post.status,
                post.publishedAt, post.commentStatus, categorySlugs);
    }

    /** @param removeMenuLinks remove menu items that link to the post instead of refusing with 409 */
    @Transactional
    public void delete(long id, Expected expected, boolean removeMenuLinks) {
        locks.lock(WriteLocks.Scope.POSTS);
        Post post = editable(id, expected);
        deletions.fire(new ContentDeletion(ContentDeletion.Kind.POST, id, removeMenuLinks));
        posts.delete(post);
        posts.flush();
    }

    /** Compares the expected version with the post's own: what is shown beside it (neighbours, categories) does not count. */
    private Post editable(long id, Expected expected) {
        Post post = posts.findByIdOptional(id).orElseThrow(() -> notFound(id));
        expected.requireMatch(PostResponse.tagOf(post));
        return post;
    }

    private void apply(Post post, PostRequest request) {
        post.title = request.title().strip();
        post.slug = slug(request, post.id);
        post.bodyHtml = sanitizer.sanitize(request.bodyHtml(), site.settings().siteUrl);
        post.excerpt = request.excerpt() == null || request.excerpt().isBlank()
                ? Excerpts.fromHtml(post.bodyHtml)
                : Jsoup.parseBodyFragment(request.excerpt()).text().strip();
        post.featuredImageUrl = request.featuredImage() == null ? null : request.featuredImage().url();
        post.featuredImageAlt = request.featuredImage() == null ? null : request.featuredImage().alt();
        post.authorName = blankToNull(request.author());
        post.status = request.status() == null ? PostStatus.DRAFT : request.status();
        // PostgreSQL keeps microseconds: truncating here makes the response equal every later read of it.
        post.publishedAt = request.publishedAt() == null ? null : request.publishedAt().truncatedTo(ChronoUnit.MICROS);
        if (post.status == PostStatus.SCHEDULED && post.publishedAt == null) {
            throw ProblemException.invalidField("publishedAt", "is required for a scheduled post: when should it appear?");
        }
        // A post published without a date gets the database's now() (V18), the clock that decides it is public.
        if (request.commentStatus() != null) {
            post.commentStatus = request.commentStatus();
        }
        post.categories.clear();
        post.categories.addAll(categories(request.categories()));
        posts.forgetFormerSlug(post.slug);
    }

    private String slug(PostRequest request, Long id) {
        if (request.slug() != null) {
            if (RESERVED_SLUGS.contains(request.slug())) {
                throw ProblemException.invalidField("slug", "'" + request.slug() + "' is reserved for the front end's news routes");
            }
            if (posts.slugTaken(request.slug(), id)) {
                Post other = posts.find("slug", request.slug()).firstResult();
                throw ProblemException.conflict("Another post already has the slug '" + request.slug() + "'",
                        List.of(new Problem.Conflict("post", other.id, other.title, "/api/posts/" + other.id)));
            }
            return request.slug();
        }
        String base = Slugs.slugify(request.title());
        if (base.isEmpty()) {
            throw ProblemException.invalidField("slug", "cannot be made from this title; give one");
        }
        return Slugs.firstFree(RESERVED_SLUGS.contains(base) ? base + "-post" : base,
                candidate -> posts.slugTaken(candidate, id));
    }

    private Set<Category> categories(List<String> slugs) {
        Set<Category> found = new LinkedHashSet<>();
        if (slugs == null) {
            return found;
        }
        List<Problem.FieldError> unknown = new ArrayList<>();
        for (int i = 0; i < slugs.size(); i++) {
            Optional<Category> category = categories.findBySlug(slugs.get(i));
            if (category.isPresent()) {
                found.add(category.get());
            } else {
                unknown.add(new Problem.FieldError("categories[" + i + "]", "no category has the slug '" + slugs.get(i) + "'"));
            }
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.invalidFields(unknown);
        }
        return found;
    }

    /** Reads the written post back, so that the database decides whether it is public, as on every read. */
    private PostResponse written(Post post) {
        posts.reload(post);
        return response(post, true);
    }

    private PostResponse response(Post post, boolean editorial) {
        SiteSettings settings = site.settings();
        return PostResponse.of(post,
                posts.categoriesOf(List.of(post.id)).getOrDefault(post.id, List.of()),
                CommentSettings.of(post, settings),
                posts.previousPublic(post).orElse(null),
                posts.nextPublic(post).orElse(null),
                editorial ? auditTrail.of(post) : null);
    }

    private static PostStatusFilter visible(boolean editorial) {
        return editorial ? PostStatusFilter.ANY : PostStatusFilter.PUBLISHED;
    }

    private long categoryId(String slug) {
        return categories.findBySlug(slug).map(category -> category.id).orElseThrow(() -> {
            List<String> known = categories.listAll().stream().map(category -> category.slug).sorted().toList();
            String allowed = known.isEmpty() ? "there are no categories yet"
                    : "known categories: " + known.stream().limit(MAX_SLUGS_IN_MESSAGE).collect(Collectors.joining(", "))
                    + (known.size() > MAX_SLUGS_IN_MESSAGE ? ", …" : "");
            return ProblemException.invalidQuery("category", "names no category ('" + slug + "'); " + allowed);
        });
    }

    private static ProblemException notFound(long id) {
        return ProblemException.notFound("No post has the id " + id);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** A year, or a month of it, in the site's time zone. */
    private static PostRepository.Period period(int year, Integer month, ZoneId zone) {
        LocalDate first = LocalDate.of(year, month == null ? 1 : month, 1);
        LocalDate end = month == null ? first.plusYears(1) : first.plusMonths(1);
        return new PostRepository.Period(first, end, first.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant());
    }
}
