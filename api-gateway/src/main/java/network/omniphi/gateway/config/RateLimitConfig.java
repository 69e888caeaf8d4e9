package network.omniphi.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Token-bucket rate limits ({@code omniphi.gateway.rate-limit.*}): {@code rate} tokens per second refill a bucket of
 * {@code burst} tokens; a request takes one. Buckets are per client IP (tighter for {@code /api/v1/auth/*}) and per
 * wallet (token subject). Health and management paths are not limited.
 */
@ConfigMapping(prefix = "omniphi.gateway.rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    /** Every request of one client IP. */
    Bucket ip();

    /** Requests of one client IP to /api/v1/auth/*, on top of the IP bucket. */
    Bucket auth();

    /** Authenticated requests of one wallet, from any IP. */
    Bucket wallet();

    /** Most clients tracked at once; idle buckets are dropped first. */
    @WithDefault("100000")
    int maxTrackedClients();

    interface Bucket {
        /** Tokens added per second. */
        double rate();

        /** Bucket size: the largest burst allowed after idling. */
        int burst();
    }
}
