package org.noticeboard.category;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.noticeboard.common.EditableEntity;

@Entity
@Table(name = "categories")
public class Category extends EditableEntity {

    public String slug;
    public String name;
    @Column(columnDefinition = "text")
    public String description;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public Category parent;
}
