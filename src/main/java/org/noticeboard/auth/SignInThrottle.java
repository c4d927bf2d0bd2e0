package org.noticeboard.auth;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per account and per client address over a sliding window; past the limit,
 * sign-in is refused (even with the right password) until the oldest failure leaves the window.
 * Counts live in memory: each instance of the server throttles on its own.
 */
@ApplicationScoped
public class SignInThrottle {

    private final int maxFailuresPerAccount;
    private final int maxFailuresPerAddress;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    SignInThrottle(@ConfigProperty(name = "noticeboard.auth.throttle.account-failures", defaultValue = "5") int maxFailuresPerAccount,
                   @ConfigProperty(name = "noticeboard.auth.throttle.address-failures", defaultValue = "20") int maxFailuresPerAddress,
                   @ConfigProperty(name = "noticeboard.auth.throttle.window", defaultValue = "PT15M") Duration window) {
        this.maxFailuresPerAccount = maxFailuresPerAccount;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.window = window;
    }

    /** @return how long sign-in stays refused for this account or address, if it is refused now */
    public Optional<Duration> refusedFor(String account, String address) {
        Instant now = Instant.now();
        return max(wait(accountKey(account), maxFailuresPerAccount, now), wait(addressKey(address), maxFailuresPerAddress, now));
    }

    public void failed(String account, String address) {
        Instant now = Instant.now();
        record(accountKey(account), now);
        record(addressKey(address), now);
    }

    public void succeeded(String account) {
        failures.remove(accountKey(account));
    }

    /** Forgets every failure, e.g. after an operator has dealt with an attack; tests start from here too. */
    public void clear() {
        failures.clear();
    }

    private Optional<Duration> wait(String key, int limit, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < limit) {
                return Optional.empty();
            }
            return Optional.of(Duration.between(now, times.peekFirst().plus(window)));
        }
    }

    private void record(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
        if (failures.size() > 10_000) {
            failures.entrySet().removeIf(entry -> {
                synchronized (entry.getValue()) {
                    prune(entry.getValue(), now);
                    return entry.getValue().isEmpty();
                }
            });
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
            times.removeFirst();
        }
    }

    private static Optional<Duration> max(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() || a.get().compareTo(b.get()) >= 0 ? a : b;
    }

    private static String accountKey(String account) {
        return "account:" + account.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
