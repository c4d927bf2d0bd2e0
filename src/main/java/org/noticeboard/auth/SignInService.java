package org.noticeboard.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.noticeboard.common.ProblemException;
import org.noticeboard.common.ProblemType;
import org.noticeboard.user.Passwords;
import org.noticeboard.user.User;
import org.noticeboard.user.UserRepository;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class SignInService {

    private final UserRepository users;
    private final Passwords passwords;
    private final TokenService tokens;
    private final SignInThrottle throttle;

    SignInService(UserRepository users, Passwords passwords, TokenService tokens, SignInThrottle throttle) {
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    /**
     * Exchanges an e-mail address and password for a session token. Wrong addresses and wrong passwords
     * get the same answer in the same time, so that sign-in does not reveal who has an account.
     */
    @Transactional
    public TokenService.Issued signIn(String email, String password, String clientAddress) {
        Optional<Duration> refused = throttle.refusedFor(email, clientAddress);
        if (refused.isPresent()) {
            long seconds = Math.max(1, refused.get().toSeconds() + 1);
            throw new ProblemException(ProblemType.TOO_MANY_REQUESTS, 429,
                    "Too many failed sign-ins for this account or from this address; try again in " + seconds + " seconds",
                    null, null, Map.of("Retry-After", Long.toString(seconds)));
        }
        Optional<User> user = users.findByEmail(email.strip());
        boolean valid = user.isPresent() ? passwords.matches(password, user.get().passwordHash)
                : spendTheTimeOfACheck(password);
        if (!valid) {
            throttle.failed(email, clientAddress);
            throw new ProblemException(ProblemType.UNAUTHORIZED, 401, "Wrong e-mail address or password", null, null,
                    Map.of("WWW-Authenticate", "Bearer realm=\"noticeboard\""));
        }
        throttle.succeeded(email);
        return tokens.issueSession(user.get());
    }

    private boolean spendTheTimeOfACheck(String password) {
        passwords.spendTheTimeOfACheck(password);
        return false;
    }
}
