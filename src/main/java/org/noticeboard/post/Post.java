package org.noticeboard.post;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import org.hibernate.annotations.Formula;
import org.noticeboard.common.EditableEntity;
import org.noticeboard.category.Category;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

@Entity
@Table(name = "posts")
public class Post extends EditableEntity {

    public String slug;
    public String title;
    @Column(columnDefinition = "text")
    public String excerpt;
    @Column(name = "body_html", columnDefinition = "text")
    public String bodyHtml;
    @Column(name = "featured_image_url")
    public String featuredImageUrl;
    @Column(name = "featured_image_alt")
    public String featuredImageAlt;
    @Column(name = "author_name")
    public String authorName;
    @Convert(converter = PostStatus.Converter.class)
    public PostStatus status;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "comment_status")
    @Convert(converter = CommentStatus.Converter.class)
    public CommentStatus commentStatus;

    /**
     * Whether the public sees the post: the one rule, {@code post_is_public(status, published_at)} of migration
     * V16 (not a draft, and published_at has passed by the database's {@code now()}), decided by the database in
     * the statement that read the post. Every public read filters on it ({@link PostStatusFilter#PUBLISHED}) or
     * on the same function, so no JVM clock takes part. Not set on a post written but not yet read back.
     */
    @Formula("post_is_public(status, published_at)")
    public boolean visible;

    /** The database's clock when the post was read ({@code now()}: the transaction's start), the instant
     * {@link #visible} was decided at; what time-based rules of the same response (comments closing) use. */
    @Formula("now()")
    public Instant readAt;

    /** Approved comments, counted by the statement that read the post: a column would move the post's version. */
    @Formula("(select count(*) from comments c where c.post_id = id and c.status = 'approved')")
    public long approvedComments;

    @ManyToMany
    @JoinTable(name = "post_categories",
            joinColumns = @JoinColumn(name = "post_id"),
            inverseJoinColumns = @JoinColumn(name = "category_id"))
    public Set<Category> categories = new LinkedHashSet<>();
}
