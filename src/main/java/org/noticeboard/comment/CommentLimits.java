package org.noticeboard.comment;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * The abuse guards' limits ({@code noticeboard.comments.*}, see application.properties). The counts they are held
 * against live in the database, so every instance enforces the same limit. Tests of one guard change its limit
 * for the duration of the test (the fields are package-visible for that alone; a singleton, not a proxied bean, so
 * that fields are read on the instance itself).
 */
@Singleton
public class CommentLimits {

    volatile Duration formMinAge;
    volatile Duration formMaxAge;
    volatile int submissionsPerNetwork;
    volatile Duration submissionWindow;
    volatile int ipv4Prefix;
    volatile int ipv6Prefix;
    volatile Duration floodInterval;
    volatile Duration duplicateWindow;

    CommentLimits(@ConfigProperty(name = "noticeboard.comments.form.min-age") Duration formMinAge,
                  @ConfigProperty(name = "noticeboard.comments.form.max-age") Duration formMaxAge,
                  @ConfigProperty(name = "noticeboard.comments.rate-limit.submissions") int submissionsPerNetwork,
                  @ConfigProperty(name = "noticeboard.comments.rate-limit.window") Duration submissionWindow,
                  @ConfigProperty(name = "noticeboard.comments.rate-limit.ipv4-prefix") int ipv4Prefix,
                  @ConfigProperty(name = "noticeboard.comments.rate-limit.ipv6-prefix") int ipv6Prefix,
                  @ConfigProperty(name = "noticeboard.comments.flood-interval") Duration floodInterval,
                  @ConfigProperty(name = "noticeboard.comments.duplicate-window") Duration duplicateWindow) {
        this.formMinAge = formMinAge;
        this.formMaxAge = formMaxAge;
        this.submissionsPerNetwork = submissionsPerNetwork;
        this.submissionWindow = submissionWindow;
        this.ipv4Prefix = ipv4Prefix;
        this.ipv6Prefix = ipv6Prefix;
        this.floodInterval = floodInterval;
        this.duplicateWindow = duplicateWindow;
    }
}
