package org.noticeboard.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Writes a feed as RSS 2.0 or Atom 1.0 (with ROME) or JSON Feed 1.1. */
@ApplicationScoped
public class FeedWriter {

    private final ObjectMapper json;

    FeedWriter(ObjectMapper json) {
        this.json = json;
    }

    String write(Feed feed, FeedFormat format) {
        return switch (format) {
            case RSS -> syndicate(feed, "rss_2.0");
            case ATOM -> syndicate(feed, "atom_1.0");
            case JSON -> jsonFeed(feed);
        };
    }

    private static String syndicate(Feed feed, String type) {
        SyndFeed syndFeed = new SyndFeedImpl();
        syndFeed.setFeedType(type);
        syndFeed.setTitle(feed.title());
        syndFeed.setDescription(feed.description());
        syndFeed.setLink(feed.homePageUrl());
        syndFeed.setUri(feed.feedUrl());
        syndFeed.setLinks(List.of(link("alternate", feed.homePageUrl()), link("self", feed.feedUrl())));
        syndFeed.setPublishedDate(Date.from(feed.updated()));
        syndFeed.setGenerator("Noticeboard");
        SyndPerson organisation = new SyndPersonImpl();
        organisation.setName(feed.siteName());
        syndFeed.setAuthors(List.of(organisation));
        syndFeed.setEntries(feed.items().stream().map(item -> entry(item, feed.siteName())).toList());
        try {
            return new SyndFeedOutput().outputString(syndFeed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("ROME could not write the " + type + " feed", e);
        }
    }

    /** Atom wants an author on every entry (ROME would write an empty one): the organisation stands in. */
    private static SyndEntry entry(Feed.Item item, String siteName) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setTitle(item.title());
        entry.setLink(item.url());
        entry.setUri(item.url());
        entry.setPublishedDate(Date.from(item.published()));
        entry.setUpdatedDate(Date.from(item.updated()));
        SyndPerson author = new SyndPersonImpl();
        author.setName(item.author() != null ? item.author() : siteName);
        entry.setAuthors(List.of(author));
        entry.setDescription(content("text", item.summary()));
        entry.setContents(List.of(content("html", item.contentHtml())));
        entry.setCategories(item.categories().stream().map(name -> {
            SyndCategory category = new SyndCategoryImpl();
            category.setName(name);
            return category;
        }).toList());
        return entry;
    }

    private static SyndContent content(String type, String value) {
        SyndContent content = new SyndContentImpl();
        content.setType(type);
        content.setValue(value == null ? "" : value);
        return content;
    }

    private static SyndLink link(String relation, String href) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(relation);
        link.setHref(href);
        return link;
    }

    private String jsonFeed(Feed feed) {
        JsonFeed document = new JsonFeed("https://jsonfeed.org/version/1.1", feed.title(), feed.homePageUrl(),
                feed.feedUrl(), feed.description(), feed.items().stream().map(item -> new JsonFeed.Item(
                        item.url(), item.url(), item.title(), item.contentHtml(), item.summary(), item.published(),
                        item.updated(), item.author() == null ? null : List.of(new JsonFeed.Author(item.author())),
                        item.categories())).toList());
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the JSON feed", e);
        }
    }

    /** JSON Feed 1.1 (jsonfeed.org), whose property names are snake_case by its specification. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JsonFeed(String version, String title, @JsonProperty("home_page_url") String homePageUrl,
                    @JsonProperty("feed_url") String feedUrl, String description, List<Item> items) {

        @JsonInclude(JsonInclude.Include.NON_NULL)
        record Item(String id, String url, String title, @JsonProperty("content_html") String contentHtml,
                    String summary, @JsonProperty("date_published") Instant datePublished,
                    @JsonProperty("date_modified") Instant dateModified, List<Author> authors, List<String> tags) {
        }

        record Author(String name) {
        }
    }
}
