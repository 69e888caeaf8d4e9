package network.omniphi.heartbeat.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token bucket per consensus key, in memory: {@code burst} heartbeats back to back, then one per
 * {@code refillEvery}. Per replica; with N replicas behind a balancer the effective limit is at most N times higher.
 */
public final class KeyRateLimiter {

    private final int burst;
    private final long refillNanos;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Tokens (scaled by refill interval) as of a moment. Immutable, replaced atomically. */
    private record Bucket(double tokens, Instant at) {
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
            if (tokens >= 1) {
                wait[0] = null;
                return new Bucket(tokens - 1, now);
            }
            wait[0] = Duration.ofNanos((long) Math.ceil((1 - tokens) * refillNanos));
            return new Bucket(tokens, now);
        });
        return Optional.ofNullable(wait[0]);
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
