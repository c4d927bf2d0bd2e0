package org.noticeboard.common;

import jakarta.persistence.Column;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

import java.time.Instant;

/**
 * What every piece of editable content has: an id, a version for optimistic locking, and who created and
 * last changed it when.
 */
@MappedSuperclass
@EntityListeners(AuditListener.class)
public abstract class EditableEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Version
    public long version;

    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    /** Id of the user who created it; null for content loaded at start-up or whose creator was deleted. */
    @Column(name = "created_by", updatable = false)
    public Long createdBy;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public Long updatedBy;
}
