package org.noticeboard.user;

import com.fasterxml.jackson.annotation.JsonValue;
import org.noticeboard.common.Roles;
import org.noticeboard.common.WireEnum;

import java.util.Set;

public enum Role {
    /** Everything, including users, API tokens, site settings and menus. */
    ADMIN(Set.of(Roles.ADMIN, Roles.EDITOR)),
    /** Posts, pages and categories. */
    EDITOR(Set.of(Roles.EDITOR));

    private final Set<String> grants;

    Role(Set<String> grants) {
        this.grants = grants;
    }

    /** The security roles a user with this role holds. */
    public Set<String> grants() {
        return grants;
    }

    @JsonValue
    public String wireName() {
        return WireEnum.name(this);
    }

    @jakarta.persistence.Converter
    public static class Converter extends WireEnum.Converter<Role> {
        public Converter() {
            super(Role.class);
        }
    }
}
