package org.noticeboard.user;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

@ApplicationScoped
public class UserRepository implements PanacheRepository<User> {

    public Optional<User> findByEmail(String email) {
        return find("email", email.toLowerCase(java.util.Locale.ROOT)).firstResultOptional();
    }

    /**
     * Counts the admins with their rows locked until the transaction ends, so that two admins demoting or
     * deleting each other at the same moment cannot both pass the last-admin check.
     */
    public long countAdminsLocked() {
        return find("role", Role.ADMIN).withLock(LockModeType.PESSIMISTIC_WRITE).list().size();
    }

    /** Display names by id, in one statement, for the audit fields of editorial views. */
    public Map<Long, String> displayNames(Collection<Long> ids) {
        List<Long> known = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (known.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("select u.id, u.displayName from User u where u.id in :ids", Object[].class)
                .setParameter("ids", known)
                .getResultList().stream()
                .collect(Collectors.toMap(row -> (Long) row[0], row -> (String) row[1]));
    }
}
