package org.noticeboard.menu;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.noticeboard.common.EditableEntity;

@Entity
@Table(name = "menus")
public class Menu extends EditableEntity {

    public String slug;
    public String name;
}
