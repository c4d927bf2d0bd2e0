package org.noticeboard.embed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.noticeboard.common.DatabaseOutage;
import org.noticeboard.common.MovedPermanently;
import org.noticeboard.common.Paging;
import org.noticeboard.common.ProblemException;
import org.noticeboard.post.PostResponse;
import org.noticeboard.post.PostService;
import org.noticeboard.post.PostStatusFilter;
import org.noticeboard.post.PostSummary;
import org.noticeboard.site.FrontEndRoutes;
import org.noticeboard.site.SiteService;
import org.noticeboard.site.SiteSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

@ApplicationScoped
public class EmbedService {

    private static final String SITE_PLACEHOLDER = "/*SITE*/{}";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);
    private static final String SCRIPT = resource("embed/news.js");

    private final PostService posts;
    private final SiteService site;
    private final ObjectMapper json;
    private volatile WidgetSettings lastKnown;

    EmbedService(PostService posts, SiteService site, ObjectMapper json) {
        this.posts = posts;
        this.site = site;
        this.json = json;
    }

    /** What the script knows of the site before it asks the API anything. */
    record WidgetSite(String name, String newsUrl) {
    }

    /** The settings the script is written from, as last read from the database. */
    private record WidgetSettings(String name, String siteUrl) {
    }

    /** What the iframe page and the oEmbed card show of the news. */
    public record NewsList(String title, String siteName, String newsUrl, List<Item> items) {

        public record Item(String title, String url, String date, String isoDate, String excerpt) {
        }
    }

    /**
     * The widget script, with the site's name and news page baked in: should the API be unreachable later,
     * a cached copy of the script can still offer a link to the news. While the database is out of reach the
     * script is still served, from the settings last read, so that a partner page opened during an outage
     * shows that link rather than an empty box; only an instance that has never read them answers 503.
     */
    public String script(URI apiBase) {
        WidgetSettings known;
        try {
            SiteSettings settings = site.settings();
            known = new WidgetSettings(settings.name, settings.siteUrl);
            lastKnown = known;
        } catch (RuntimeException e) {
            if (lastKnown == null || DatabaseOutage.find(e).isEmpty()) {
                throw e;
            }
            known = lastKnown;
        }
        try {
            String config = json.writeValueAsString(new WidgetSite(known.name(),
                    FrontEndRoutes.absolute(known.siteUrl(), apiBase, FrontEndRoutes.NEWS)));
            // "</" cannot appear in a JSON string here, but never let data close a script element.
            return SCRIPT.replace(SITE_PLACEHOLDER, config.replace("</", "<\\/"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the widget's settings", e);
        }
    }

    @Transactional
    public NewsList news(String categorySlug, int limit, String title, URI apiBase) {
        SiteSettings settings = site.settings();
        List<PostSummary> latest = posts.list(PostStatusFilter.PUBLISHED, categorySlug, null, null, null, false, new Paging(1, limit)).items();
        ZoneId zone = settings.zone();
        List<NewsList.Item> items = latest.stream().map(post -> new NewsList.Item(post.title(),
                FrontEndRoutes.absolute(settings.siteUrl, apiBase, post.path()),
                DATE.format(post.publishedAt().atZone(zone)), post.publishedAt().toString(), post.excerpt())).toList();
        return new NewsList(title == null || title.isBlank() ? "Latest news from " + settings.name : title.strip(),
                settings.name, FrontEndRoutes.absolute(settings.siteUrl, apiBase, FrontEndRoutes.NEWS), items);
    }

    /** The post a URL of the organisation's site (or of this API's host) shows, as an oEmbed card. */
    @Transactional
    public OEmbedResponse card(String url, Integer maxWidth, Integer maxHeight, URI apiBase) {
        SiteSettings settings = site.settings();
        PostResponse post = publicPost(postSlug(url, settings, apiBase));
        int width = Math.min(maxWidth == null ? OEmbedResponse.WIDTH : maxWidth, OEmbedResponse.WIDTH);
        int height = Math.min(maxHeight == null ? OEmbedResponse.HEIGHT : maxHeight, OEmbedResponse.HEIGHT);
        String postUrl = FrontEndRoutes.absolute(settings.siteUrl, apiBase, post.path());
        String html = EmbedHtml.card(post.title(), postUrl, post.excerpt(),
                DATE.format(post.publishedAt().atZone(settings.zone())), post.publishedAt().toString(),
                settings.name, width);
        return new OEmbedResponse("1.0", "rich", post.title(), post.author(), settings.name,
                FrontEndRoutes.absolute(settings.siteUrl, apiBase, "/"), 3600, html, width, height);
    }

    /** A former slug still finds its post, as the post's old address still redirects there. */
    private PostResponse publicPost(String slug) {
        try {
            return posts.bySlug(slug, false);
        } catch (MovedPermanently moved) {
            return posts.bySlug(moved.location().substring(moved.location().lastIndexOf('/') + 1), false);
        }
    }

    private static String postSlug(String url, SiteSettings settings, URI apiBase) {
        URI target;
        try {
            target = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidQuery("url", "is not a URL");
        }
        String path = target.getPath() == null ? "" : target.getPath().replaceAll("/+$", "");
        String prefix = FrontEndRoutes.NEWS + "/";
        boolean ours = target.getHost() != null && (target.getHost().equalsIgnoreCase(apiBase.getHost())
                || settings.siteUrl != null && target.getHost().equalsIgnoreCase(URI.create(settings.siteUrl).getHost()));
        String slug = path.startsWith(prefix) ? path.substring(prefix.length()) : "";
        if (!ours || slug.isEmpty() || slug.contains("/")) {
            throw ProblemException.notFound("No post of this site is at " + url);
        }
        return slug;
    }

    private static String resource(String name) {
        try (InputStream in = EmbedService.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
