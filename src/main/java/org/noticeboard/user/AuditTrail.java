package org.noticeboard.user;

import jakarta.enterprise.context.ApplicationScoped;
import org.noticeboard.common.EditableEntity;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/** Builds the audit block of editorial views, looking up the users' names in one statement. */
@ApplicationScoped
public class AuditTrail {

    private final UserRepository users;

    AuditTrail(UserRepository users) {
        this.users = users;
    }

    public Audit of(EditableEntity entity) {
        return of(entity.createdAt, entity.createdBy, entity.updatedAt, entity.updatedBy);
    }

    public Audit of(Instant createdAt, Long createdBy, Instant updatedAt, Long updatedBy) {
        Map<Long, String> names = users.displayNames(Arrays.asList(createdBy, updatedBy));
        return new Audit(createdAt, ref(createdBy, names), updatedAt, ref(updatedBy, names));
    }

    private static Audit.UserRef ref(Long id, Map<Long, String> names) {
        return id == null || !names.containsKey(id) ? null : new Audit.UserRef(id, names.get(id));
    }
}
