package org.noticeboard.site;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

@ApplicationScoped
public class SiteSettingsRepository implements PanacheRepositoryBase<SiteSettings, Short> {

    /** The row is created by the first migration, so it always exists. */
    public SiteSettings get() {
        return findById(SiteSettings.ID);
    }

    /**
     * When what the public sees last changed: the last write to any content (kept by database triggers, so
     * deletions count), or the last scheduled post that has come out since, whichever is later.
     */
    public Instant publicContentChangedAt() {
        Object changed = getEntityManager().createNativeQuery("""
                        select greatest((select changed_at from content_changes),
                                        (select max(published_at) from public_posts))""")
                .getSingleResult();
        return changed instanceof java.time.OffsetDateTime time ? time.toInstant() : (Instant) changed;
    }
}
