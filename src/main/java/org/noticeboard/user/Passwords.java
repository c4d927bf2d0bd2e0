package org.noticeboard.user;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;

/** bcrypt, salted and deliberately slow; the cost is configurable so tests need not wait for it. */
@ApplicationScoped
public class Passwords {

    public static final int MIN_LENGTH = 10;
    /** bcrypt reads no further than 72 bytes: a longer password would silently lose its tail. */
    public static final int MAX_BYTES = 72;

    private final int cost;
    /** Checked against when an e-mail address is unknown, so that a wrong address takes as long as a wrong password. */
    private final String decoy;

    Passwords(@ConfigProperty(name = "noticeboard.auth.bcrypt-cost", defaultValue = "12") int cost) {
        this.cost = cost;
        this.decoy = BcryptUtil.bcryptHash("not a real password", cost);
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    public boolean matches(String password, String hash) {
        return BcryptUtil.matches(password, hash);
    }

    public void spendTheTimeOfACheck(String password) {
        BcryptUtil.matches(password, decoy);
    }

    /** @return what is wrong with the password, or null when it is acceptable */
    public static String problemWith(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "must have at least " + MIN_LENGTH + " characters";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "must be at most " + MAX_BYTES + " bytes long";
        }
        return null;
    }
}
