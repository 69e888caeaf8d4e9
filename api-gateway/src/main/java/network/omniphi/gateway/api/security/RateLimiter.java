package network.omniphi.gateway.api.security;

import java.time.Duration;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import network.omniphi.gateway.config.RateLimitConfig;
import network.omniphi.gateway.domain.GatewayException;

/**
 * In-memory token buckets per client (IPv4 address or IPv6 /64, see {@link ClientKeys}), per client on /auth, and per
 * wallet. Limits are per gateway replica (deploy/README.md, "Rate limits").
 *
 * <p>
 * The buckets live in a bounded Caffeine cache: a lookup and any eviction are amortised O(1), never a scan. A bucket
 * expires once it has not been touched for as long as it takes to refill from empty to full, so dropping it changes
 * nothing; when more than {@code max-tracked-clients} clients are active at once, the least valuable buckets (Caffeine's
 * W-TinyLFU policy) are dropped and their clients start again from a full bucket.
 */
@ApplicationScoped
public class RateLimiter {

    enum Scope {
        IP, AUTH, WALLET
    }

    private final RateLimitConfig config;
    private final LongSupplier nanoTime;
    private final Cache<String, TokenBucket> buckets;

    @Inject
    public RateLimiter(RateLimitConfig config) {
        this(config, System::nanoTime);
    }

    RateLimiter(RateLimitConfig config, LongSupplier nanoTime) {
        this.config = config;
        this.nanoTime = nanoTime;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(config.maxTrackedClients())
                .expireAfterAccess(refillTime(config))
                .ticker(nanoTime::getAsLong)
                .executor(Runnable::run) // maintenance on the caller's thread: bounded work, no extra pool
                .build();
    }

    /** The longest time any bucket needs to refill from empty: after that, an untouched bucket is full. */
    static Duration refillTime(RateLimitConfig config) {
        double seconds = 0;
        for (RateLimitConfig.Bucket b : new RateLimitConfig.Bucket[]{config.ip(), config.auth(), config.wallet()}) {
            seconds = Math.max(seconds, b.burst() / b.rate());
        }
        return Duration.ofMillis((long) Math.ceil(seconds * 1000) + 1);
    }

    /** Throws {@link GatewayException.RateLimited} (with Retry-After seconds) when the client's bucket is empty. */
    public void take(Scope scope, String client) {
        if (!config.enabled() || client == null) {
            return;
        }
        RateLimitConfig.Bucket limits = switch (scope) {
            case IP -> config.ip();
            case AUTH -> config.auth();
            case WALLET -> config.wallet();
        };
        long now = nanoTime.getAsLong();
        TokenBucket bucket = buckets.get(scope + "|" + client,
                k -> new TokenBucket(limits.rate(), limits.burst(), now));
        long waitNanos = bucket.tryTake(now);
        if (waitNanos > 0) {
            throw new GatewayException.RateLimited(Math.max(1L, (waitNanos + 999_999_999L) / 1_000_000_000L));
        }
    }

    /** Every request of a client address (keyed by {@link ClientKeys}). */
    public void takeIp(String address) {
        take(Scope.IP, ClientKeys.of(address));
    }

    /** Requests of a client address to /api/v1/auth/*, on top of {@link #takeIp}. */
    public void takeAuth(String address) {
        take(Scope.AUTH, ClientKeys.of(address));
    }

    public void takeWallet(String wallet) {
        take(Scope.WALLET, wallet);
    }

    /** Buckets tracked now, after pending expiries and evictions are applied (tests). */
    long tracked() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }
}
