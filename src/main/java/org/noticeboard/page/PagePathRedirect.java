package org.noticeboard.page;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A path a page had before it (or an ancestor) moved: reads of it answer 301 with the current path. */
@Entity
@Table(name = "page_path_redirects")
public class PagePathRedirect {

    @Id
    @Column(name = "old_path")
    public String oldPath;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "page_id")
    public Page page;
}
