package network.omniphi.heartbeat.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token bucket per consensus key, in memory: {@code burst} heartbeats back to back, then one per
 * {@code refillEvery}. Per replica; with N replicas behind a balancer the effective limit is at most N times higher.
 * It also remembers the last accepted signed timestamp per key so that replays of captured heartbeats are refused
 * before they spend the key's tokens (which would let anyone starve a node); the database stays the real guard.
 */
public final class KeyRateLimiter {

    private final int burst;
    private final long refillNanos;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Tokens (scaled by refill interval) as of a moment. Immutable, replaced atomically. */
    private record Bucket(double tokens, Instant at, Instant lastAccepted) {
    }

    public KeyRateLimiter(int burst, Duration refillEvery) {
        if (burst < 1 || refillEvery.isNegative() || refillEvery.isZero()) {
            throw new IllegalArgumentException("burst must be >= 1 and refillEvery > 0");
        }
        this.burst = burst;
        this.refillNanos = refillEvery.toNanos();
    }

    /** Takes one token; empty when allowed, otherwise how long until the next token. */
    public Optional<Duration> tryAcquire(String key, Instant now) {
        Duration[] wait = new Duration[1];
        buckets.compute(key, (k, current) -> {
            double tokens = current == null ? burst : refill(current, now);
            Instant last = current == null ? null : current.lastAccepted();
            if (tokens >= 1) {
                wait[0] = null;
                return new Bucket(tokens - 1, now, last);
            }
            wait[0] = Duration.ofNanos((long) Math.ceil((1 - tokens) * refillNanos));
            return new Bucket(tokens, now, last);
        });
        return Optional.ofNullable(wait[0]);
    }

    /** True when this replica already accepted a heartbeat of the key signed at or after {@code signedAt}. */
    public boolean knownReplay(String key, Instant signedAt) {
        Bucket bucket = buckets.get(key);
        return bucket != null && bucket.lastAccepted() != null && !signedAt.isAfter(bucket.lastAccepted());
    }

    /** Records an accepted heartbeat's signed timestamp (never moves backwards). */
    public void accepted(String key, Instant signedAt) {
        buckets.computeIfPresent(key, (k, b) -> b.lastAccepted() != null && !signedAt.isAfter(b.lastAccepted())
                ? b
                : new Bucket(b.tokens(), b.at(), signedAt));
    }

    /** Forgets keys whose bucket has been full for a while, bounding memory. */
    public void evictIdle(Instant now) {
        buckets.entrySet().removeIf(e -> refill(e.getValue(), now) >= burst);
    }

    public int trackedKeys() {
        return buckets.size();
    }

    private double refill(Bucket bucket, Instant now) {
        long elapsed = Math.max(0, Duration.between(bucket.at(), now).toNanos());
        return Math.min(burst, bucket.tokens() + (double) elapsed / refillNanos);
    }
}
