package org.noticeboard.site;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SiteSettingsRepository implements PanacheRepositoryBase<SiteSettings, Short> {

    /** The row is created by the first migration, so it always exists. */
    public SiteSettings get() {
        return findById(SiteSettings.ID);
    }
}
