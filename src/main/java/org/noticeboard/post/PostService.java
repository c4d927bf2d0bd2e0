package org.noticeboard.post;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.noticeboard.category.Category;
import org.noticeboard.category.CategoryRepository;
import org.noticeboard.common.PageRequest;
import org.noticeboard.common.Paged;
import org.noticeboard.common.ProblemException;
import org.noticeboard.site.SiteService;
import org.noticeboard.site.SiteSettings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

@ApplicationScoped
public class PostService {

    private static final int MAX_SLUGS_IN_MESSAGE = 30;

    private final PostRepository posts;
    private final CategoryRepository categories;
    private final SiteService site;

    PostService(PostRepository posts, CategoryRepository categories, SiteService site) {
        this.posts = posts;
        this.categories = categories;
        this.site = site;
    }

    /**
     * Public posts, newest first.
     *
     * @param categorySlug only posts in this category, when not null
     * @param year         only posts published in this year (in the site's time zone), when not null
     * @param month        with {@code year}: only that month
     */
    @Transactional
    public Paged<PostSummary> listPublic(String categorySlug, Integer year, Integer month, PageRequest page) {
        Instant now = Instant.now();
        ZoneId zone = year == null ? null : site.settings().zone();
        PostRepository.Filter filter = new PostRepository.Filter(
                categorySlug == null ? null : categoryId(categorySlug),
                year == null ? null : start(year, month, zone),
                year == null ? null : end(year, month, zone));
        long total = posts.countPublic(filter, now);
        List<PostSummaryRow> rows = total == 0 ? List.of() : posts.listPublic(filter, now, page);
        Map<Long, List<CategoryLink>> categoriesByPost = posts.categoriesOf(rows.stream().map(PostSummaryRow::id).toList());
        List<PostSummary> items = rows.stream()
                .map(row -> PostSummary.of(row, categoriesByPost.getOrDefault(row.id(), List.of())))
                .toList();
        return Paged.of(items, page, total);
    }

    @Transactional
    public PostResponse publicById(long id) {
        Instant now = Instant.now();
        return toResponse(posts.findPublicById(id, now), "No published post has the id " + id, now);
    }

    @Transactional
    public PostResponse publicBySlug(String slug) {
        Instant now = Instant.now();
        return toResponse(posts.findPublicBySlug(slug, now), "No published post has the slug '" + slug + "'", now);
    }

    private PostResponse toResponse(Optional<Post> found, String notFound, Instant now) {
        Post post = found.orElseThrow(() -> ProblemException.notFound(notFound));
        SiteSettings settings = site.settings();
        return PostResponse.of(post,
                posts.categoriesOf(List.of(post.id)).getOrDefault(post.id, List.of()),
                CommentSettings.of(post, settings, now),
                posts.previousPublic(post, now).orElse(null),
                posts.nextPublic(post, now).orElse(null));
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

    private static Instant start(int year, Integer month, ZoneId zone) {
        return LocalDate.of(year, month == null ? 1 : month, 1).atStartOfDay(zone).toInstant();
    }

    private static Instant end(int year, Integer month, ZoneId zone) {
        LocalDate first = LocalDate.of(year, month == null ? 1 : month, 1);
        return (month == null ? first.plusYears(1) : first.plusMonths(1)).atStartOfDay(zone).toInstant();
    }
}
