package org.noticeboard.importing;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import org.jdom2.Element;

import java.util.List;
import java.util.Locale;

/**
 * What Blogger's "Back up content" writes is an Atom feed whose entries are not all posts: the blog's settings, its
 * template, pages and comments come as entries too, told apart by a kind. The older format names it with a category
 * in the g/2005#kind scheme ({@code …/blogger/2008/kind#post}); the one written since 2020 with
 * {@code <blogger:type>POST</blogger:type>} and {@code <blogger:status>} (LIVE, DRAFT, SOFT_TRASHED).
 */
final class BloggerBackup {

    static final String KIND_SCHEME = "http://schemas.google.com/g/2005#kind";
    private static final String BLOGGER_2018 = "http://schemas.google.com/blogger/2018";
    /** The Atom Publishing Protocol's namespace, as Blogger's classic backup writes it and as RFC 5023 does. */
    private static final List<String> APP = List.of("http://purl.org/atom/app#", "http://www.w3.org/2007/app");

    private BloggerBackup() {
    }

    /** The entry's Blogger kind in lower case (post, comment, page, settings, template...), or null: a feed's item. */
    static String kind(SyndEntry entry) {
        for (SyndCategory category : entry.getCategories()) {
            String term = category.getName();
            if (KIND_SCHEME.equals(category.getTaxonomyUri()) && term != null && term.contains("#")) {
                return term.substring(term.lastIndexOf('#') + 1).toLowerCase(Locale.ROOT);
            }
        }
        String type = value(entry, "type");
        return type == null ? null : type.toLowerCase(Locale.ROOT);
    }

    /**
     * LIVE, DRAFT, SOFT_TRASHED... in the 2020 format; DRAFT in the older one where the Atom Publishing Protocol's
     * {@code <app:control><app:draft>yes</app:draft></app:control>} says so; else null.
     */
    static String status(SyndEntry entry) {
        String status = value(entry, "status");
        if (status != null) {
            return status;
        }
        for (Element element : entry.getForeignMarkup()) {
            if (APP.contains(element.getNamespaceURI()) && "control".equals(element.getName())) {
                Element draft = element.getChild("draft", element.getNamespace());
                if (draft != null && "yes".equalsIgnoreCase(draft.getTextTrim())) {
                    return "DRAFT";
                }
            }
        }
        return null;
    }

    static boolean isKind(SyndCategory category) {
        return KIND_SCHEME.equals(category.getTaxonomyUri());
    }

    private static String value(SyndEntry entry, String name) {
        for (Element element : entry.getForeignMarkup()) {
            if (BLOGGER_2018.equals(element.getNamespaceURI()) && name.equals(element.getName())) {
                String text = element.getTextTrim();
                return text.isEmpty() ? null : text;
            }
        }
        return null;
    }
}
