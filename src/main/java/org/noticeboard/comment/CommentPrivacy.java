package org.noticeboard.comment;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** What the site forgets about commenters: network addresses after a while, and everything of one person on request. */
@ApplicationScoped
public class CommentPrivacy {

    private static final String LIFT_REPLIES = """
            with recursive below as (
                select id from comments where parent_id = :erased
                union all
                select c.id from comments c join below b on c.parent_id = b.id
            )
            update comments set depth = depth - 1,
                                parent_id = case when parent_id = :erased then cast(:parent as bigint) else parent_id end
            where id in (select id from below)""";

    private final EntityManager entityManager;
    private final Duration addressRetention;

    CommentPrivacy(EntityManager entityManager,
                   @ConfigProperty(name = "noticeboard.comments.address-retention") Duration addressRetention) {
        this.entityManager = entityManager;
        this.addressRetention = addressRetention;
    }

    @Scheduled(every = "1h", delayed = "1m")
    void eraseOldAddressesHourly() {
        eraseOldAddresses();
    }

    /** @return how many comments lost their address */
    @Transactional
    public int eraseOldAddresses() {
        return entityManager.createNativeQuery(
                        "update comments set ip_address = null where ip_address is not null and created_at < :before")
                .setParameter("before", Instant.now().minus(addressRetention)).executeUpdate();
    }

    /**
     * A data-subject request: every comment of this address goes. Other people's replies stay, moved up to the
     * erased comment's place in the thread.
     *
     * @return how many comments were erased
     */
    @Transactional
    public int eraseAllOf(String email) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        @SuppressWarnings("unchecked")
        List<Number> ids = entityManager.createNativeQuery(
                        "select id from comments where author_email = :email order by depth, id")
                .setParameter("email", address).getResultList();
        for (Number id : ids) {
            Object parent = entityManager.createNativeQuery("select parent_id from comments where id = :id")
                    .setParameter("id", id.longValue()).getSingleResult();
            entityManager.createNativeQuery(LIFT_REPLIES).setParameter("erased", id.longValue())
                    .setParameter("parent", parent == null ? null : ((Number) parent).longValue()).executeUpdate();
            entityManager.createNativeQuery("delete from comments where id = :id").setParameter("id", id.longValue())
                    .executeUpdate();
        }
        entityManager.clear();
        return ids.size();
    }
}
