package org.noticeboard.common;

import io.quarkus.arc.Arc;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;

/** Records who created and who last changed each piece of content, whatever code path changes it. */
public class AuditListener {

    @PrePersist
    void created(EditableEntity entity) {
        Long user = currentUser();
        entity.createdBy = user;
        entity.updatedBy = user;
    }

    @PreUpdate
    void updated(EditableEntity entity) {
        entity.updatedBy = currentUser();
    }

    private static Long currentUser() {
        return Arc.container().instance(CurrentUser.class).get().idOrNull();
    }
}
