package org.noticeboard.post;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
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

    /** The rule of the {@code public_posts} view, for rows already loaded. */
    public static boolean isPublic(PostStatus status, Instant publishedAt, Instant now) {
        return status != PostStatus.DRAFT && publishedAt != null && !publishedAt.isAfter(now);
    }

    @ManyToMany
    @JoinTable(name = "post_categories",
            joinColumns = @JoinColumn(name = "post_id"),
            inverseJoinColumns = @JoinColumn(name = "category_id"))
    public Set<Category> categories = new LinkedHashSet<>();
}
