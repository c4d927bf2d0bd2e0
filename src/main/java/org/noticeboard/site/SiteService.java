package org.noticeboard.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.noticeboard.common.CurrentUser;
import org.noticeboard.common.Expected;
import org.noticeboard.common.ProblemException;
import org.noticeboard.user.AuditTrail;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;

@ApplicationScoped
public class SiteService {

    private final SiteSettingsRepository settings;
    private final AuditTrail auditTrail;
    private final CurrentUser currentUser;

    SiteService(SiteSettingsRepository settings, AuditTrail auditTrail, CurrentUser currentUser) {
        this.settings = settings;
        this.auditTrail = auditTrail;
        this.currentUser = currentUser;
    }

    @Transactional
    public SiteSettings settings() {
        return settings.get();
    }

    /**
     * @param apiBase   the API's base URL, for the feeds' addresses
     * @param editorial whether to include when and by whom the settings last changed
     */
    @Transactional
    public SiteResponse read(URI apiBase, boolean editorial) {
        SiteSettings site = settings.get();
        return SiteResponse.from(site, apiBase, editorial ? auditTrail.of(null, null, site.updatedAt, site.updatedBy) : null);
    }

    /** The change and its answer in one transaction, so that the answer is the settings as this change left them. */
    @Transactional
    public SiteResponse update(SiteRequest request, Expected expected, URI apiBase) {
        change(request, expected);
        return read(apiBase, true);
    }

    /** Replaces the settings; unlike {@link #update}, it needs no API address, having no answer to give. */
    @Transactional
    public void change(SiteRequest request, Expected expected) {
        SiteSettings current = settings.get();
        expected.requireMatch(SiteResponse.tagOf(current));
        try {
            ZoneId.of(request.timezone());
        } catch (DateTimeException e) {
            throw ProblemException.invalidField("timezone", "is not a known time zone; use an IANA name such as Europe/London");
        }
        SiteSettings site = settings.get();
        site.name = request.name().strip();
        site.tagline = blankToNull(request.tagline());
        site.about = blankToNull(request.about());
        site.contactEmail = request.contact() == null ? null : blankToNull(request.contact().email());
        site.contactPhone = request.contact() == null ? null : blankToNull(request.contact().phone());
        site.contactAddress = request.contact() == null ? null : blankToNull(request.contact().address());
        site.siteUrl = blankToNull(request.url());
        site.timezone = request.timezone();
        site.language = request.language() == null ? SiteLanguage.ENGLISH : request.language();
        site.commentsOpenByDefault = request.comments().openOnNewPosts();
        site.commentsAutoCloseDays = request.comments().autoCloseAfterDays();
        SiteResponse.CommentDefaults comments = request.comments();
        site.commentModeration = comments.moderation() == null ? CommentModeration.ALL_HELD : comments.moderation();
        site.commentMaxLinks = comments.maxLinks() == null ? 2 : comments.maxLinks();
        site.commentThreadDepth = comments.threadDepth() == null ? 2 : comments.threadDepth();
        site.updatedBy = currentUser.idOrNull();
        settings.flush();
    }

    @Transactional
    public SiteRequest currentRequest() {
        return SiteResponse.asRequest(settings.get());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
