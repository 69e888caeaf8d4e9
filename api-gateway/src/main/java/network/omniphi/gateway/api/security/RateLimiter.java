package network.omniphi.gateway.api.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;

import network.omniphi.gateway.config.RateLimitConfig;
import network.omniphi.gateway.domain.GatewayException;

/**
 * In-memory token buckets per client IP, per client IP on /auth, and per wallet. Limits are per gateway replica; full
 * (idle) buckets are dropped every minute and whenever the number of tracked clients passes the configured bound.
 */
@ApplicationScoped
public class RateLimiter {

    enum Scope {
        IP, AUTH, WALLET
    }

    private final RateLimitConfig config;
    private final LongSupplier nanoTime;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    @Inject
    public RateLimiter(RateLimitConfig config) {
        this(config, System::nanoTime);
    }

    RateLimiter(RateLimitConfig config, LongSupplier nanoTime) {
        this.config = config;
        this.nanoTime = nanoTime;
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
        String key = scope + "|" + client;
        if (buckets.size() >= config.maxTrackedClients() && !buckets.containsKey(key)) {
            evictIdle();
            if (buckets.size() >= config.maxTrackedClients()) {
                key = scope + "|overflow"; // too many live clients: newcomers share one bucket
            }
        }
        TokenBucket bucket = buckets.computeIfAbsent(key,
                k -> new TokenBucket(limits.rate(), limits.burst(), now));
        long waitNanos = bucket.tryTake(now);
        if (waitNanos > 0) {
            throw new GatewayException.RateLimited(Math.max(1L, (waitNanos + 999_999_999L) / 1_000_000_000L));
        }
    }

    public void takeIp(String ip) {
        take(Scope.IP, ip);
    }

    public void takeAuth(String ip) {
        take(Scope.AUTH, ip);
    }

    public void takeWallet(String wallet) {
        take(Scope.WALLET, wallet);
    }

    @Scheduled(every = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void evictIdle() {
        long now = nanoTime.getAsLong();
        buckets.entrySet().removeIf(e -> e.getValue().isIdle(now));
    }

    int tracked() {
        return buckets.size();
    }
}
