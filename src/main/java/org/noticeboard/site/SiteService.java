package org.noticeboard.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class SiteService {

    private final SiteSettingsRepository settings;

    SiteService(SiteSettingsRepository settings) {
        this.settings = settings;
    }

    @Transactional
    public SiteSettings settings() {
        return settings.get();
    }

    @Transactional
    public SiteResponse publicSettings() {
        return SiteResponse.from(settings.get());
    }
}
