package org.noticeboard.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.noticeboard.category.Category;
import org.noticeboard.category.CategoryRepository;
import org.noticeboard.category.CategoryService;
import org.noticeboard.post.CategoryLink;
import org.noticeboard.post.Post;
import org.noticeboard.post.PostRepository;
import org.noticeboard.site.FrontEndRoutes;
import org.noticeboard.site.SiteSettings;
import org.noticeboard.site.SiteSettingsRepository;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class FeedService {

    private final PostRepository posts;
    private final CategoryRepository categories;
    private final SiteSettingsRepository site;
    private final int size;

    FeedService(PostRepository posts, CategoryRepository categories, SiteSettingsRepository site,
                @ConfigProperty(name = "noticeboard.feeds.size", defaultValue = "20") int size) {
        this.posts = posts;
        this.categories = categories;
        this.site = site;
        this.size = size;
    }

    /**
     * The newest public posts, of one category when {@code categorySlug} is set. Links point at the
     * organisation's own site (the site URL setting), or at the API's host when that is not set; so do the
     * relative URLs of each body, made absolute against the post's own address. Ids do not depend on either.
     *
     * @param apiBase the API's own base URL, for the feed's address and as the fallback site URL
     * @param feedUrl the feed's own absolute address
     */
    @Transactional
    public Feed posts(String categorySlug, URI apiBase, String feedUrl) {
        Category category = categorySlug == null ? null
                : categories.findBySlug(categorySlug).orElseThrow(() -> CategoryService.notFound(categorySlug));
        SiteSettings settings = site.get();
        List<Post> latest = posts.latestPublic(category == null ? null : category.id, size);
        Map<Long, List<CategoryLink>> categoriesByPost = posts.categoriesOf(latest.stream().map(post -> post.id).toList());
        List<Feed.Item> items = latest.stream().map(post -> item(post, settings, apiBase,
                categoriesByPost.getOrDefault(post.id, List.of()))).toList();
        String title = category == null ? settings.name : settings.name + ": " + category.name;
        String description = category != null && category.description != null ? category.description
                : settings.tagline != null ? settings.tagline : "The latest news from " + settings.name;
        String homePage = FrontEndRoutes.absolute(settings.siteUrl, apiBase,
                category == null ? FrontEndRoutes.NEWS : FrontEndRoutes.category(category.slug));
        Instant lastModified = site.publicContentChangedAt();
        Instant updated = items.stream().map(Feed.Item::updated).max(Instant::compareTo).orElse(lastModified);
        return new Feed(FeedIds.feed(settings.feedSiteId, category == null ? null : category.id), settings.name,
                settings.contactEmail, title, description, homePage, feedUrl, updated, lastModified, items);
    }

    private static Feed.Item item(Post post, SiteSettings settings, URI apiBase, List<CategoryLink> categories) {
        String url = FrontEndRoutes.absolute(settings.siteUrl, apiBase, FrontEndRoutes.post(post.slug));
        Feed.Image image = post.featuredImageUrl == null ? null
                : Feed.Image.of(AbsoluteUrls.of(post.featuredImageUrl, url), post.featuredImageAlt);
        Instant updated = post.updatedAt.isAfter(post.publishedAt) ? post.updatedAt : post.publishedAt;
        return new Feed.Item(FeedIds.post(settings.feedSiteId, post.id), url, post.title, post.excerpt,
                AbsoluteUrls.inHtml(post.bodyHtml, url), image, post.publishedAt, updated, post.authorName,
                categories.stream().map(CategoryLink::name).toList());
    }
}
