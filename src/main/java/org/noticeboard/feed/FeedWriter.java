package org.noticeboard.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Content;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import jakarta.enterprise.context.ApplicationScoped;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Writes a feed as RSS 2.0 or Atom 1.0 (with ROME's wire models, which write exactly the elements set on them:
 * its format-neutral model would add a {@code dc:date} to every Atom entry) or JSON Feed 1.1.
 */
@ApplicationScoped
public class FeedWriter {

    static final Namespace MEDIA_RSS = Namespace.getNamespace("media", "http://search.yahoo.com/mrss/");
    static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

    private final ObjectMapper json;

    FeedWriter(ObjectMapper json) {
        this.json = json;
    }

    String write(Feed feed, FeedFormat format) {
        return switch (format) {
            case RSS -> xml(rss(feed), document -> addMediaContent(document, feed));
            case ATOM -> xml(atom(feed), document -> { });
            case JSON -> jsonFeed(feed);
        };
    }

    private static Channel rss(Feed feed) {
        Channel channel = new Channel("rss_2.0");
        channel.setEncoding("UTF-8");
        channel.setTitle(feed.title());
        channel.setLink(feed.homePageUrl());
        channel.setDescription(feed.description());
        channel.setPubDate(Date.from(feed.updated()));
        channel.setGenerator("Noticeboard");
        // RSS 2.0 wants an e-mail address here, optionally followed by a name: without one, nothing.
        if (feed.contactEmail() != null && !feed.contactEmail().isBlank()) {
            channel.setManagingEditor(feed.contactEmail().strip() + " (" + feed.siteName() + ")");
        }
        // The feed's own address, as the RSS Advisory Board recommends, so that a copied feed still says where it lives.
        channel.setForeignMarkup(List.of(new Element("link", ATOM).setAttribute("href", feed.feedUrl())
                .setAttribute("rel", "self").setAttribute("type", "application/rss+xml")));
        channel.setItems(feed.items().stream().map(FeedWriter::rssItem).toList());
        return channel;
    }

    private static Item rssItem(Feed.Item entry) {
        Item item = new Item();
        item.setTitle(entry.title());
        item.setLink(entry.url());
        Guid guid = new Guid();
        guid.setValue(entry.id());
        guid.setPermaLink(false);
        item.setGuid(guid);
        item.setPubDate(Date.from(entry.published()));
        if (entry.summary() != null) {
            Description description = new Description();
            description.setValue(entry.summary());
            item.setDescription(description);
        }
        Content content = new Content();
        content.setType(Content.HTML);
        content.setValue(entry.contentHtml() == null ? "" : entry.contentHtml());
        item.setContent(content);
        item.setCategories(entry.categories().stream().map(name -> {
            com.rometools.rome.feed.rss.Category category = new com.rometools.rome.feed.rss.Category();
            category.setValue(name);
            return category;
        }).toList());
        // RSS's own <author> must be an e-mail address, which posts do not have: Dublin Core's creator takes a name.
        if (entry.author() != null) {
            DCModule dublinCore = new DCModuleImpl();
            dublinCore.setCreator(entry.author());
            List<Module> modules = new ArrayList<>(item.getModules());
            modules.add(dublinCore);
            item.setModules(modules);
        }
        return item;
    }

    /**
     * The featured image as Media RSS {@code media:content}, which feed readers show as the item's picture. RSS's
     * own {@code <enclosure>} would need the image's length in bytes, which the API does not know. ROME writes no
     * foreign markup on RSS items, so it goes into the written document, item by item.
     */
    private static void addMediaContent(Document document, Feed feed) {
        List<Element> items = document.getRootElement().getChild("channel").getChildren("item");
        for (int i = 0; i < items.size(); i++) {
            Feed.Image image = feed.items().get(i).image();
            if (image == null) {
                continue;
            }
            Element media = new Element("content", MEDIA_RSS).setAttribute("url", image.url()).setAttribute("medium", "image");
            if (image.type() != null) {
                media.setAttribute("type", image.type());
            }
            if (image.alt() != null) {
                media.addContent(new Element("description", MEDIA_RSS).setAttribute("type", "plain").setText(image.alt()));
            }
            items.get(i).addContent(media);
        }
        // Declared once at the top rather than on every element that uses them.
        document.getRootElement().addNamespaceDeclaration(ATOM);
        if (feed.items().stream().anyMatch(item -> item.image() != null)) {
            document.getRootElement().addNamespaceDeclaration(MEDIA_RSS);
        }
    }

    private static com.rometools.rome.feed.atom.Feed atom(Feed feed) {
        com.rometools.rome.feed.atom.Feed atom = new com.rometools.rome.feed.atom.Feed("atom_1.0");
        atom.setEncoding("UTF-8");
        atom.setId(feed.id());
        atom.setTitle(feed.title());
        atom.setSubtitle(text(com.rometools.rome.feed.atom.Content.TEXT, feed.description()));
        atom.setAlternateLinks(List.of(link("alternate", feed.homePageUrl(), "text/html")));
        atom.setOtherLinks(List.of(link("self", feed.feedUrl(), "application/atom+xml")));
        atom.setUpdated(Date.from(feed.updated()));
        Generator generator = new Generator();
        generator.setValue("Noticeboard");
        atom.setGenerator(generator);
        atom.setAuthors(List.of(person(feed.siteName(), feed.contactEmail())));
        atom.setEntries(feed.items().stream().map(item -> atomEntry(item, feed.siteName())).toList());
        return atom;
    }

    /** Atom wants an author on every entry: the organisation stands in for a post without one. */
    private static Entry atomEntry(Feed.Item item, String siteName) {
        Entry entry = new Entry();
        entry.setId(item.id());
        entry.setTitle(item.title());
        entry.setAlternateLinks(List.of(link("alternate", item.url(), "text/html")));
        if (item.image() != null) {
            // Atom's own way to attach a resource to an entry (RFC 4287, 4.2.7.2); type and length are optional.
            Link image = link("enclosure", item.image().url(), item.image().type());
            image.setTitle(item.image().alt());
            entry.setOtherLinks(List.of(image));
        }
        entry.setPublished(Date.from(item.published()));
        entry.setUpdated(Date.from(item.updated()));
        entry.setAuthors(List.of(person(item.author() != null ? item.author() : siteName, null)));
        if (item.summary() != null) {
            entry.setSummary(text(com.rometools.rome.feed.atom.Content.TEXT, item.summary()));
        }
        entry.setContents(List.of(text(com.rometools.rome.feed.atom.Content.HTML,
                item.contentHtml() == null ? "" : item.contentHtml())));
        entry.setCategories(item.categories().stream().map(name -> {
            com.rometools.rome.feed.atom.Category category = new com.rometools.rome.feed.atom.Category();
            category.setTerm(name);
            return category;
        }).toList());
        return entry;
    }

    private static com.rometools.rome.feed.atom.Content text(String type, String value) {
        com.rometools.rome.feed.atom.Content content = new com.rometools.rome.feed.atom.Content();
        content.setType(type);
        content.setValue(value);
        return content;
    }

    private static Link link(String relation, String href, String type) {
        Link link = new Link();
        link.setRel(relation);
        link.setHref(href);
        link.setType(type);
        return link;
    }

    private static SyndPerson person(String name, String email) {
        Person person = new Person();
        person.setName(name);
        person.setEmail(email == null || email.isBlank() ? null : email.strip());
        return person;
    }

    private static String xml(WireFeed feed, java.util.function.Consumer<Document> finish) {
        try {
            Document document = new WireFeedOutput().outputJDom(feed);
            finish.accept(document);
            return new XMLOutputter(Format.getPrettyFormat().setEncoding("UTF-8")).outputString(document);
        } catch (FeedException e) {
            throw new IllegalStateException("ROME could not write the " + feed.getFeedType() + " feed", e);
        }
    }

    private String jsonFeed(Feed feed) {
        JsonFeed document = new JsonFeed("https://jsonfeed.org/version/1.1", feed.title(), feed.homePageUrl(),
                feed.feedUrl(), feed.description(), feed.items().stream().map(item -> new JsonFeed.Item(
                        item.id(), item.url(), item.title(), item.contentHtml(), item.summary(),
                        item.image() == null ? null : item.image().url(), item.published(), item.updated(),
                        item.author() == null ? null : List.of(new JsonFeed.Author(item.author())),
                        item.categories())).toList());
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the JSON feed", e);
        }
    }

    /** JSON Feed 1.1 (jsonfeed.org), whose property names are snake_case by its specification. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "JsonFeed", description = "A JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/)",
            requiredProperties = {"version", "title", "home_page_url", "feed_url", "items"})
    record JsonFeed(String version, String title, @JsonProperty("home_page_url") String homePageUrl,
                    @JsonProperty("feed_url") String feedUrl, String description, List<Item> items) {

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(name = "JsonFeedItem", requiredProperties = {"id", "url", "title", "content_html", "date_published"})
        record Item(String id, String url, String title, @JsonProperty("content_html") String contentHtml,
                    String summary, String image, @JsonProperty("date_published") Instant datePublished,
                    @JsonProperty("date_modified") Instant dateModified, List<Author> authors, List<String> tags) {
        }

        @Schema(name = "JsonFeedAuthor")
        record Author(String name) {
        }
    }
}
