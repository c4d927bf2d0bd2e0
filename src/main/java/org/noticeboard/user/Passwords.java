package org.noticeboard.user;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** bcrypt, salted and deliberately slow; the cost is configurable so tests need not wait for it. */
@ApplicationScoped
public class Passwords {

    public static final int MIN_LENGTH = 10;
    /** bcrypt reads no further than 72 bytes: a longer password would silently lose its tail. */
    public static final int MAX_BYTES = 72;
    /**
     * Stored for a user who has no password yet (restored from an export without hashes): no bcrypt hash looks
     * like it, so no password matches it, and the column stays NOT NULL. An admin gives the user a password.
     */
    public static final String NONE = "!";
    private static final Pattern BCRYPT = Pattern.compile("^\\$2[aby]?\\$[0-9]{2}\\$[./A-Za-z0-9]{53}$");

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

    /** False for {@link #NONE} and anything else that is not a bcrypt hash, in the time a real check takes. */
    public boolean matches(String password, String hash) {
        if (!isHash(hash)) {
            spendTheTimeOfACheck(password);
            return false;
        }
        return BcryptUtil.matches(password, hash);
    }

    public static boolean isHash(String hash) {
        return hash != null && BCRYPT.matcher(hash).matches();
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
