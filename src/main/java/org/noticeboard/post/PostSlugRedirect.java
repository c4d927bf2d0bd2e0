package org.noticeboard.post;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A slug a post had before: reads of it answer 301 with the post's current address. */
@Entity
@Table(name = "post_slug_redirects")
public class PostSlugRedirect {

    @Id
    @Column(name = "old_slug")
    public String oldSlug;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "post_id")
    public Post post;
}
