package org.noticeboard.importing;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import org.jsoup.Jsoup;
import org.noticeboard.category.CategoryRepository;
import org.noticeboard.category.CategoryRequest;
import org.noticeboard.category.CategoryService;
import org.noticeboard.common.HtmlSanitizer;
import org.noticeboard.common.ProblemException;
import org.noticeboard.common.ProblemType;
import org.noticeboard.common.Slugs;
import org.noticeboard.common.WriteLocks;
import org.noticeboard.post.Excerpts;
import org.noticeboard.post.FeaturedImage;
import org.noticeboard.post.PostRequest;
import org.noticeboard.post.PostResponse;
import org.noticeboard.post.PostService;
import org.noticeboard.post.PostStatus;
import org.xml.sax.InputSource;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Imports the items of an RSS 2.0 or Atom feed (what Weebly, Blogger, Squarespace, Ghost and WordPress publish) as
 * posts, through the same write operations as the API: PostService and CategoryService make the slugs, sanitise the
 * HTML and keep the counts. All or nothing, in one transaction: a feed is at most the request body limit, and a
 * half-imported feed would be harder to repair than none. Items are known again by the feed's id and their own
 * (imported_posts, V29), so importing the same feed again adds only what is new.
 */
@ApplicationScoped
public class FeedImporter {

    /** PostRequest's limits for the excerpt and the author's name. */
    private static final int EXCERPT_LENGTH = 1000;
    private static final int AUTHOR_LENGTH = 200;

    private final PostService posts;
    private final CategoryService categories;
    private final CategoryRepository categoryRepository;
    private final HtmlSanitizer sanitizer;
    private final Validator validator;
    private final EntityManager entityManager;
    private final WriteLocks locks;

    FeedImporter(PostService posts, CategoryService categories, CategoryRepository categoryRepository,
                 HtmlSanitizer sanitizer, Validator validator, EntityManager entityManager, WriteLocks locks) {
        this.posts = posts;
        this.categories = categories;
        this.categoryRepository = categoryRepository;
        this.sanitizer = sanitizer;
        this.validator = validator;
        this.entityManager = entityManager;
        this.locks = locks;
    }

    /** @throws ProblemException 400 invalid-feed when {@code xml} is not a feed that can be read */
    @Transactional
    public ImportReport importFeed(byte[] xml, boolean dryRun) {
        SyndFeed feed = parse(xml);
        // Before anything is read: a second import of the same feed at the same moment waits, then finds every item
        // imported before and every category made. Categories first, as CategoryService and PostService take them.
        locks.lock(WriteLocks.Scope.CATEGORIES);
        locks.lock(WriteLocks.Scope.POSTS);
        String source = ImportRules.limited(firstPresent(feed.getUri(), feed.getLink(), feed.getTitle()));
        if (source == null) {
            throw new ProblemException(ProblemType.INVALID_FEED, "The feed has neither an id, a link nor a title to be "
                    + "known again by");
        }
        List<ImportReport.Created> created = new ArrayList<>();
        List<ImportReport.Skipped> skipped = new ArrayList<>();
        Set<String> categoriesCreated = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        int removals = 0;
        // Oldest first, so that ids grow with dates as if the posts had been written here.
        List<SyndEntry> entries = feed.getEntries().stream()
                .sorted(Comparator.comparing(FeedImporter::date, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        for (SyndEntry entry : entries) {
            String title = entry.getTitle() == null ? null : Jsoup.parse(entry.getTitle()).text().strip();
            String externalId = ImportRules.limited(firstPresent(entry.getUri(), entry.getLink(), title));
            if (externalId == null) {
                skipped.add(new ImportReport.Skipped(ImportReport.Kind.POST, "", title, "The item has no id, link or title"));
                continue;
            }
            String kind = BloggerBackup.kind(entry);
            if (kind != null && !kind.equals("post")) {
                skipped.add(new ImportReport.Skipped(ImportReport.Kind.POST, externalId, title,
                        "A Blogger backup's " + kind + " entry, not a post"));
                continue;
            }
            String bloggerStatus = BloggerBackup.status(entry);
            if (bloggerStatus != null && !bloggerStatus.equals("LIVE") && !bloggerStatus.equals("DRAFT")) {
                skipped.add(new ImportReport.Skipped(ImportReport.Kind.POST, externalId, title,
                        "Blogger's status " + bloggerStatus + ": in its trash, not published"));
                continue;
            }
            if (!seen.add(externalId)) {
                skipped.add(new ImportReport.Skipped(ImportReport.Kind.POST, externalId, title, "The item appears twice in the feed"));
                continue;
            }
            if (known(source, externalId)) {
                skipped.add(new ImportReport.Skipped(ImportReport.Kind.POST, externalId, title, "Imported before"));
                continue;
            }
            List<CategoryRequest> itemCategories = categoriesOf(entry);
            PostRequest request = request(entry, title, "DRAFT".equals(bloggerStatus), itemCategories);
            String invalid = ImportRules.violations(validator, request);
            if (invalid != null) {
                skipped.add(new ImportReport.Skipped(ImportReport.Kind.POST, externalId, title, invalid));
                continue;
            }
            for (CategoryRequest category : itemCategories) {
                if (categoryRepository.findBySlug(category.slug()).isEmpty()) {
                    categories.create(category);
                    categoriesCreated.add(category.slug());
                }
            }
            PostResponse post = posts.create(request);
            entityManager.createNativeQuery("""
                            insert into imported_posts (source, external_id, post_id, link) values (?1, ?2, ?3, ?4)""")
                    .setParameter(1, source).setParameter(2, externalId).setParameter(3, post.id())
                    .setParameter(4, ImportedRedirects.oldAddress(entry.getLink())).executeUpdate();
            int removed = sanitizer.removals(request.bodyHtml());
            removals += removed;
            created.add(new ImportReport.Created(ImportReport.Kind.POST, externalId, dryRun ? null : post.id(), post.slug(), post.title(),
                    !post.slug().equals(Slugs.slugify(post.title())), removed));
        }
        if (dryRun) {
            // Everything was done, so that the report is exactly what an import would do, then undone.
            QuarkusTransaction.setRollbackOnly();
        }
        return new ImportReport(source, dryRun, created, skipped, List.copyOf(categoriesCreated), 0, List.of(), removals);
    }

    private static SyndFeed parse(byte[] xml) {
        SyndFeedInput input = new SyndFeedInput();
        // A DTD could make the parser fetch files or expand entities without end.
        input.setAllowDoctypes(false);
        try {
            return input.build(new InputSource(new ByteArrayInputStream(xml)));
        } catch (FeedException | IllegalArgumentException e) {
            throw new ProblemException(ProblemType.INVALID_FEED, "Not an RSS or Atom feed: " + e.getMessage());
        }
    }

    private PostRequest request(SyndEntry entry, String title, boolean draft, List<CategoryRequest> itemCategories) {
        String body = entry.getContents().stream().map(SyndContent::getValue).filter(value -> value != null)
                .collect(Collectors.joining("\n"));
        String description = entry.getDescription() == null ? null : entry.getDescription().getValue();
        String excerpt = null;
        if (body.isBlank()) {
            body = description == null ? "" : description;
        } else if (description != null && !description.isBlank()) {
            excerpt = Jsoup.parse(description).text().strip();
        }
        String image = entry.getEnclosures().stream()
                .filter(enclosure -> enclosure.getType() != null && enclosure.getType().startsWith("image/"))
                .map(SyndEnclosure::getUrl).findFirst().orElse(null);
        Instant date = draft ? null : date(entry);
        PostStatus status = draft ? PostStatus.DRAFT
                : date != null && date.isAfter(Instant.now()) ? PostStatus.SCHEDULED : PostStatus.PUBLISHED;
        List<String> categorySlugs = itemCategories.stream().map(CategoryRequest::slug).toList();
        String author = entry.getAuthor() == null || entry.getAuthor().isBlank() ? null
                : Excerpts.shortened(entry.getAuthor().strip(), AUTHOR_LENGTH);
        String teaser = excerpt == null || excerpt.isEmpty() ? null : Excerpts.shortened(excerpt, EXCERPT_LENGTH);
        return new PostRequest(ImportRules.title(title, body), null, teaser, body,
                image == null ? null : new FeaturedImage(image, null), author, status, date, null, categorySlugs);
    }

    private static Instant date(SyndEntry entry) {
        var date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return date == null ? null : date.toInstant();
    }

    /** The item's category names as categories may be made of them; a name no category may have is left out. */
    private List<CategoryRequest> categoriesOf(SyndEntry entry) {
        List<CategoryRequest> found = new ArrayList<>();
        Set<String> slugs = new HashSet<>();
        for (var category : entry.getCategories()) {
            if (BloggerBackup.isKind(category)) {
                continue;
            }
            String name = category.getName() == null ? "" : category.getName().strip();
            String slug = name.isEmpty() ? "" : Slugs.slugify(name);
            CategoryRequest request = new CategoryRequest(name, slug, null, null);
            if (!slug.isEmpty() && validator.validate(request).isEmpty() && slugs.add(slug)) {
                found.add(request);
            }
        }
        return found;
    }

    private boolean known(String source, String externalId) {
        return !entityManager.createNativeQuery("select 1 from imported_posts where source = ?1 and external_id = ?2")
                .setParameter(1, source).setParameter(2, externalId).getResultList().isEmpty();
    }

    private static String firstPresent(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

}
