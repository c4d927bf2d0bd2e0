package org.noticeboard.user;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.noticeboard.common.EditableEntity;

/** Someone who signs in to edit the site. */
@Entity
@Table(name = "users")
public class User extends EditableEntity {

    /** Lower case, so that sign-in ignores the case people type. */
    public String email;
    @Column(name = "display_name")
    public String displayName;
    @Column(name = "password_hash")
    public String passwordHash;
    @Convert(converter = Role.Converter.class)
    public Role role;
}
