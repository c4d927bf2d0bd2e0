package org.noticeboard.importing;

import com.ctc.wstx.stax.WstxInputFactory;
import org.noticeboard.common.ProblemException;
import org.noticeboard.common.ProblemType;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a WordPress eXtended RSS file (WXR 1.0 to 1.2, what Tools → Export writes) one element at a time, so that a
 * file of any size takes the memory of its largest item, and no field holds more than {@link #MAX_FIELD_LENGTH}.
 * Elements are told apart by namespace, not prefix; WordPress changed its namespace with each WXR version
 * (http://wordpress.org/export/1.2/), so any of them is taken, and WordPress.com writes it with https.
 */
final class WxrReader implements AutoCloseable {

    private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    /**
     * Text past this is dropped as it is read: twice what a post's or page's body may hold, so that a longer field is
     * still seen to be too long (and the item skipped, saying so), and reading it costs no more memory than this.
     */
    static final int MAX_FIELD_LENGTH = 1_000_000;
    private static final List<String> WORDPRESS = List.of("http://wordpress.org/export/", "https://wordpress.org/export/");

    /** What the channel holds before and between its items. */
    sealed interface Element permits Author, Category, Tag, Term, Item {
    }

    record Author(String login, String displayName) implements Element {
    }

    /** @param parentSlug the parent's slug (category_nicename), empty at the top level */
    record Category(long termId, String slug, String parentSlug, String name, String description) implements Element {
    }

    record Tag(long termId, String slug, String name) implements Element {
    }

    /** Other terms: nav_menu (a menu) and custom taxonomies. */
    record Term(long termId, String taxonomy, String slug, String name) implements Element {
    }

    /** @param domain category, post_tag or nav_menu */
    record ItemTerm(String domain, String nicename, String name) {
    }

    record Comment(long id, String author, String email, String url, String ip, String dateGmt, String content,
                   String approved, String type, long parent) {
    }

    /** A post, page, attachment, menu item or any other post type, with its metadata and comments. */
    record Item(String title, String link, String creator, String content, String excerpt, long id,
                String postDateGmt, String name, String status, long parent, int menuOrder, String type,
                String password, String commentStatus, String attachmentUrl, List<ItemTerm> terms, Map<String, String> meta,
                List<Comment> comments) implements Element {

        String meta(String key) {
            return meta.get(key);
        }

        long metaId(String key) {
            return number(meta.get(key));
        }
    }

    private final XMLStreamReader xml;
    private String baseSiteUrl;
    private String baseBlogUrl;
    private String title;
    private boolean wordpress;

    WxrReader(InputStream in) {
        // Woodstox, not the JDK's reader, which gathers a CDATA section whole before handing any of it over: one
        // post's body of hundreds of megabytes would fill the heap before it could be refused.
        XMLInputFactory factory = new WstxInputFactory();
        // A DTD could make the parser read files or expand entities without end; WordPress never writes one.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        try {
            xml = factory.createXMLStreamReader(in);
            if (nextTag() != XMLStreamConstants.START_ELEMENT || !"rss".equals(xml.getLocalName())) {
                throw invalid("The document is not a WordPress export: its root element is <" + xml.getLocalName()
                        + ">, not <rss>");
            }
            while (nextTag() == XMLStreamConstants.START_ELEMENT && !"channel".equals(xml.getLocalName())) {
                skip();
            }
            if (!xml.isStartElement()) {
                throw invalid("The document is not a WordPress export: it has no <channel>");
            }
        } catch (XMLStreamException e) {
            throw unreadable(e);
        }
    }

    /** The next author, term or item of the channel, or null at its end. */
    Element next() {
        try {
            while (nextTag() == XMLStreamConstants.START_ELEMENT) {
                String name = key();
                switch (name) {
                    case "wp:wxr_version" -> {
                        wordpress = true;
                        text();
                    }
                    case "wp:base_site_url" -> baseSiteUrl = text();
                    case "wp:base_blog_url" -> baseBlogUrl = text();
                    case "title" -> title = text();
                    case "wp:author" -> {
                        Map<String, String> fields = fields();
                        return new Author(fields.getOrDefault("wp:author_login", ""),
                                fields.getOrDefault("wp:author_display_name", ""));
                    }
                    case "wp:category" -> {
                        Map<String, String> fields = fields();
                        return new Category(number(fields.get("wp:term_id")), fields.getOrDefault("wp:category_nicename", ""),
                                fields.getOrDefault("wp:category_parent", ""), fields.getOrDefault("wp:cat_name", ""),
                                fields.get("wp:category_description"));
                    }
                    case "wp:tag" -> {
                        Map<String, String> fields = fields();
                        return new Tag(number(fields.get("wp:term_id")), fields.getOrDefault("wp:tag_slug", ""),
                                fields.getOrDefault("wp:tag_name", ""));
                    }
                    case "wp:term" -> {
                        Map<String, String> fields = fields();
                        return new Term(number(fields.get("wp:term_id")), fields.getOrDefault("wp:term_taxonomy", ""),
                                fields.getOrDefault("wp:term_slug", ""), fields.getOrDefault("wp:term_name", ""));
                    }
                    case "item" -> {
                        requireWordPress();
                        return item();
                    }
                    default -> skip();
                }
            }
            requireWordPress();
            return null;
        } catch (XMLStreamException e) {
            throw unreadable(e);
        }
    }

    /**
     * The old site's address, once read (it comes before the first author, term or item): wp:base_blog_url, the
     * blog's home, where there is one. wp:base_site_url is where WordPress runs, which for every blog on
     * WordPress.com is https://wordpress.com/ and for a multisite's sites the network's main site.
     */
    String siteAddress() {
        return baseBlogUrl == null || baseBlogUrl.isBlank() ? baseSiteUrl : baseBlogUrl;
    }

    String title() {
        return title;
    }

    private void requireWordPress() {
        if (!wordpress) {
            throw invalid("The document is an RSS feed, not a WordPress export (it has no wp:wxr_version): "
                    + "import it with POST /api/imports/feed");
        }
    }

    private Item item() throws XMLStreamException {
        Map<String, String> fields = new LinkedHashMap<>();
        List<ItemTerm> terms = new ArrayList<>();
        Map<String, String> meta = new LinkedHashMap<>();
        List<Comment> comments = new ArrayList<>();
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            String name = key();
            switch (name) {
                case "category" -> {
                    String domain = attribute("domain");
                    String nicename = attribute("nicename");
                    terms.add(new ItemTerm(domain, nicename, text()));
                }
                case "wp:postmeta" -> {
                    Map<String, String> pair = fields();
                    meta.put(pair.getOrDefault("wp:meta_key", ""), pair.getOrDefault("wp:meta_value", ""));
                }
                case "wp:comment" -> {
                    Map<String, String> c = fields();
                    comments.add(new Comment(number(c.get("wp:comment_id")), c.getOrDefault("wp:comment_author", ""),
                            c.getOrDefault("wp:comment_author_email", ""), c.getOrDefault("wp:comment_author_url", ""),
                            c.getOrDefault("wp:comment_author_IP", ""), c.getOrDefault("wp:comment_date_gmt", ""),
                            c.getOrDefault("wp:comment_content", ""), c.getOrDefault("wp:comment_approved", ""),
                            c.getOrDefault("wp:comment_type", ""), number(c.get("wp:comment_parent"))));
                }
                default -> fields.put(name, text());
            }
        }
        return new Item(fields.getOrDefault("title", ""), fields.get("link"), fields.get("dc:creator"),
                fields.getOrDefault("content:encoded", ""), fields.get("excerpt:encoded"),
                number(fields.get("wp:post_id")), fields.get("wp:post_date_gmt"), fields.getOrDefault("wp:post_name", ""),
                fields.getOrDefault("wp:status", ""), number(fields.get("wp:post_parent")),
                (int) Math.min(Integer.MAX_VALUE, Math.max(Integer.MIN_VALUE, signed(fields.get("wp:menu_order")))),
                fields.getOrDefault("wp:post_type", ""), fields.getOrDefault("wp:post_password", ""),
                fields.getOrDefault("wp:comment_status", ""),
                fields.get("wp:attachment_url"), terms, meta, comments);
    }

    /** The child elements of the current element as name → text, for the flat records WordPress writes. */
    private Map<String, String> fields() throws XMLStreamException {
        Map<String, String> fields = new LinkedHashMap<>();
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            fields.put(key(), text());
        }
        return fields;
    }

    /**
     * The next start or end tag. Text between elements is passed over, as WordPress's own importer does: some
     * exports (WordPress.com's theme test data among them) hold a stray character between an item's fields.
     */
    private int nextTag() throws XMLStreamException {
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT -> {
                    return event;
                }
                case XMLStreamConstants.DTD -> throw invalid("The document declares a DTD; WordPress exports have none");
                case XMLStreamConstants.END_DOCUMENT -> throw invalid("The document ends inside an element");
                default -> {
                }
            }
        }
    }

    /** The element's text, with nested markup (which WordPress never writes inside a field) taken as its text. */
    private String text() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int room = MAX_FIELD_LENGTH;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    int taken = Math.min(room, xml.getTextLength());
                    text.append(xml.getTextCharacters(), xml.getTextStart(), taken);
                    room -= taken;
                }
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.DTD -> throw invalid("The document declares a DTD; WordPress exports have none");
                case XMLStreamConstants.END_DOCUMENT -> throw invalid("The document ends inside an element");
                default -> {
                }
            }
        }
        return text.toString();
    }

    private void skip() throws XMLStreamException {
        text();
    }

    private String attribute(String name) {
        String value = xml.getAttributeValue(null, name);
        return value == null ? "" : value;
    }

    /** The element's name as WordPress's usual prefixes spell it, whatever prefix the file uses. */
    private String key() {
        String namespace = xml.getNamespaceURI();
        String local = xml.getLocalName();
        if (namespace == null || namespace.isEmpty()) {
            return local;
        }
        if (WORDPRESS.stream().anyMatch(namespace::startsWith)) {
            return (namespace.endsWith("/excerpt/") ? "excerpt:" : "wp:") + local;
        }
        if (namespace.equals(CONTENT)) {
            return "content:" + local;
        }
        if (namespace.equals(DC)) {
            return "dc:" + local;
        }
        return "{" + namespace + "}" + local;
    }

    static long number(String text) {
        long value = signed(text);
        return Math.max(0, value);
    }

    private static long signed(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private ProblemException unreadable(XMLStreamException e) {
        Location at = e.getLocation();
        String where = at == null ? "" : "line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ": ";
        String message = e.getMessage() == null ? "malformed XML" : e.getMessage().replaceFirst("(?s)^ParseError at \\[.*?]\\s*Message:\\s*", "");
        if (message.contains("DOCTYPE") || message.contains("DTD")) {
            return invalid(where + "the document declares a DTD; WordPress exports have none");
        }
        return invalid("Not a readable WordPress export: " + where + message);
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(ProblemType.INVALID_WORDPRESS_EXPORT, detail);
    }

    @Override
    public void close() {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // Nothing is left to read.
        }
    }
}
