package org.noticeboard.site;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.UpdateTimestamp;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** The single row of site-wide settings. */
@Entity
@Table(name = "site_settings")
public class SiteSettings {

    public static final short ID = 1;

    @Id
    public Short id;

    public String name;
    public String tagline;
    @Column(columnDefinition = "text")
    public String about;
    @Column(name = "contact_email")
    public String contactEmail;
    @Column(name = "contact_phone")
    public String contactPhone;
    @Column(name = "contact_address")
    public String contactAddress;
    @Column(name = "site_url")
    public String siteUrl;
    public String timezone;
    @Convert(converter = SiteLanguage.Converter.class)
    public SiteLanguage language;
    @Column(name = "comments_open_by_default")
    public boolean commentsOpenByDefault;
    @Column(name = "comments_auto_close_days")
    public Integer commentsAutoCloseDays;
    @Column(name = "comment_moderation")
    @Convert(converter = CommentModeration.Converter.class)
    public CommentModeration commentModeration;
    /** A comment with more links than this waits for a moderator, whatever the mode. */
    @Column(name = "comment_max_links")
    public short commentMaxLinks;
    /** How many levels of replies a thread has under its top comments. */
    @Column(name = "comment_thread_depth")
    public short commentThreadDepth;
    @Version
    public long version;
    @UpdateTimestamp
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public Long updatedBy;
    /** Drawn once by the database (migration V19) and never written: feed ids are built on it. */
    @Column(name = "feed_site_id", insertable = false, updatable = false)
    public UUID feedSiteId;

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }
}
