package org.noticeboard.auth;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class AccessTokenRepository implements PanacheRepository<AccessToken> {

    /** The token with its user, in one statement: this runs on every authenticated request. */
    public Optional<AccessToken> findByHash(String tokenHash) {
        return find("from AccessToken t join fetch t.user where t.tokenHash = ?1", tokenHash).firstResultOptional();
    }

    public List<AccessToken> listApiTokens() {
        return find("from AccessToken t join fetch t.user where t.kind = ?1 order by t.createdAt desc, t.id desc",
                TokenKind.API).list();
    }
}
