package org.noticeboard.menu;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.noticeboard.common.EditableEntity;
import org.noticeboard.category.Category;
import org.noticeboard.page.Page;
import org.noticeboard.post.Post;

/** One entry of a menu: a label and a link, ordered among its siblings by a dense position. */
@Entity
@Table(name = "menu_items")
public class MenuItem extends EditableEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "menu_id")
    public Menu menu;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public MenuItem parent;
    public int position;
    public String label;
    @Column(name = "link_type")
    @Convert(converter = LinkType.Converter.class)
    public LinkType linkType;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "page_id")
    public Page page;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "post_id")
    public Post post;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "category_id")
    public Category category;
    @Column(name = "archive_year")
    public Integer archiveYear;
    @Column(name = "archive_month")
    public Integer archiveMonth;
    public String url;
}
