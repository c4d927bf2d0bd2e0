package org.noticeboard.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Finished public responses, kept until the content they show may have changed. Coherence rests on three
 * rules: every change anywhere clears everything ({@link #invalidateAll()}, called by {@link ContentChangeListener}
 * for every instance's writes and by {@link ContentWriteInspector} at once for this one's); a response is only
 * stored if no change was seen between the start of its request and its end (the generation), since it may have
 * read the content from before; and while this instance cannot hear about changes, nothing is read or stored.
 */
@ApplicationScoped
public class ResponseCache {

    /** What the request asked for, beyond its path, query and host, that a response may depend on. */
    static final List<String> KEY_HEADERS = List.of("Accept", "Forwarded", "X-Forwarded-Proto",
            "X-Forwarded-Host", "X-Forwarded-Port", "X-Forwarded-Prefix");

    record Key(String target, List<String> headers) {
    }

    /** One response in each of the encodings a client may accept; the compressed ones are null if not worth it. */
    record Entry(List<Map.Entry<String, String>> headers, String entityTag, String lastModified,
                 byte[] identity, byte[] gzip, byte[] brotli) {

        int weight() {
            int headerBytes = headers.stream().mapToInt(header -> header.getKey().length() + header.getValue().length()).sum();
            return identity.length + length(gzip) + length(brotli) + headerBytes + 200;
        }

        private static int length(byte[] body) {
            return body == null ? 0 : body.length;
        }
    }

    private final boolean enabled;
    private final Cache<Key, Entry> entries;
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean coherent;
    /** System.nanoTime() at which some output changes without a write (a scheduled post going live); MAX_VALUE if none. */
    private volatile long validUntil = Long.MAX_VALUE;

    ResponseCache(@ConfigProperty(name = "noticeboard.response-cache.enabled") boolean enabled,
                  @ConfigProperty(name = "noticeboard.response-cache.max-size") MemorySize maxSize,
                  @ConfigProperty(name = "noticeboard.response-cache.max-age") Duration maxAge) {
        this.enabled = enabled;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxSize.asLongValue())
                .weigher((Key key, Entry entry) -> entry.weight())
                .expireAfterWrite(maxAge)
                .build();
    }

    public boolean enabled() {
        return enabled;
    }

    boolean usable() {
        return enabled && coherent && !expired();
    }

    Entry lookup(Key key) {
        return usable() ? entries.getIfPresent(key) : null;
    }

    long generation() {
        return generation.get();
    }

    /** Keeps the response of a request that began at {@code generationAtStart}, unless anything changed since. */
    void store(Key key, Entry entry, long generationAtStart) {
        if (!usable() || generation.get() != generationAtStart) {
            return;
        }
        entries.put(key, entry);
        // A change seen between the check and the put has already cleared the cache, perhaps before this entry.
        if (generation.get() != generationAtStart) {
            entries.asMap().remove(key, entry);
        }
    }

    public void invalidateAll() {
        generation.incrementAndGet();
        entries.invalidateAll();
    }

    /** Changes can be heard again; what happened while they could not is unknown, so nothing kept is trusted. */
    void listening(Duration untilNextTimedChange) {
        invalidateAll();
        validUntil(untilNextTimedChange);
        coherent = true;
    }

    void deaf() {
        coherent = false;
        invalidateAll();
    }

    /** Null: no output will change with time alone. */
    void validUntil(Duration untilNextTimedChange) {
        validUntil = untilNextTimedChange == null ? Long.MAX_VALUE
                : System.nanoTime() + Math.max(0, untilNextTimedChange.toNanos());
    }

    boolean expired() {
        return validUntil != Long.MAX_VALUE && System.nanoTime() - validUntil >= 0;
    }

    /** Nanoseconds until the next timed change, or -1 if there is none. */
    long nanosUntilTimedChange() {
        return validUntil == Long.MAX_VALUE ? -1 : Math.max(0, validUntil - System.nanoTime());
    }
}
