package org.noticeboard.page;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.noticeboard.common.EditableEntity;

import java.util.Collection;

/**
 * A page of the site's tree. Panache's paging class of the same name is never imported: repositories
 * page with {@code setFirstResult}/{@code setMaxResults}.
 */
@Entity
@Table(name = "pages")
public class Page extends EditableEntity {

    /** The width of the path column: a page cannot sit deeper, or with longer slugs, than this allows. */
    public static final int MAX_PATH_LENGTH = 2000;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public Page parent;
    public String slug;
    /** Ancestors' slugs and this page's, joined by '/', e.g. {@code services/the-cvs-centre/room-hire}. */
    public String path;
    public String title;
    @Column(columnDefinition = "text")
    public String summary;
    @Column(name = "body_html", columnDefinition = "text")
    public String bodyHtml;
    public int position;
    @Convert(converter = PageStatus.Converter.class)
    public PageStatus status;
    @Column(name = "meta_description")
    public String metaDescription;

    /** The rule of {@link PageRepository}'s public queries, for rows already loaded. */
    public static boolean isPublic(PageStatus status, String path, Collection<String> draftPaths) {
        return status == PageStatus.PUBLISHED
                && draftPaths.stream().noneMatch(draft -> path.startsWith(draft + "/"));
    }
}
