package org.noticeboard.comment;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The per-network rate limit, counted in the database ({@code comment_submissions}, migration V21) so that
 * several instances agree. A transaction-scoped advisory lock per network makes two submissions at once count
 * one after the other.
 */
@ApplicationScoped
public class CommentSubmissions {

    private static final String NETWORK = """
            case family(cast(:address as inet))
                when 4 then network(set_masklen(cast(:address as inet), :v4))
                else network(set_masklen(cast(:address as inet), :v6)) end""";

    private final EntityManager entityManager;
    private final CommentLimits limits;

    CommentSubmissions(EntityManager entityManager, CommentLimits limits) {
        this.entityManager = entityManager;
        this.limits = limits;
    }

    /**
     * Counts a submission from this address, unless its network has used up the window.
     *
     * @return how long the network must wait, when it must
     */
    public Optional<Duration> admit(String address) {
        // An IPv4 client seen through an IPv6 socket or a proxy's header (::ffff:192.0.2.1) is an IPv4 client: as
        // IPv6, every such client would share the one /48 of ::ffff:0:0/96.
        if (address.regionMatches(true, 0, "::ffff:", 0, 7) && address.indexOf('.') > 0) {
            address = address.substring(7);
        }
        String network = (String) entityManager.createNativeQuery("select cast(" + NETWORK + " as text)")
                .setParameter("address", address).setParameter("v4", limits.ipv4Prefix).setParameter("v6", limits.ipv6Prefix)
                .getSingleResult();
        entityManager.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtext('comment-network:' || :network))) locked")
                .setParameter("network", network).getSingleResult();
        Instant windowStart = Instant.now().minus(limits.submissionWindow);
        Object[] counted = (Object[]) entityManager.createNativeQuery("""
                        select count(*), ceil(extract(epoch from min(submitted_at) - cast(:since as timestamptz)))
                        from comment_submissions
                        where network = cast(:network as cidr) and submitted_at > :since""")
                .setParameter("network", network).setParameter("since", windowStart).getSingleResult();
        if (((Number) counted[0]).intValue() >= limits.submissionsPerNetwork) {
            return Optional.of(Duration.ofSeconds(Math.max(1, ((Number) counted[1]).longValue())));
        }
        entityManager.createNativeQuery("insert into comment_submissions (network) values (cast(:network as cidr))")
                .setParameter("network", network).executeUpdate();
        return Optional.empty();
    }

    @Scheduled(every = "1h", delayed = "1m")
    @Transactional
    void prune() {
        entityManager.createNativeQuery("delete from comment_submissions where submitted_at < :before")
                .setParameter("before", Instant.now().minus(limits.submissionWindow)).executeUpdate();
    }
}
