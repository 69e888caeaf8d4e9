package network.omniphi.gateway.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import network.omniphi.gateway.config.RateLimitConfig;
import network.omniphi.gateway.domain.GatewayException;

/** Token-bucket arithmetic on a fake clock: burst, refill, Retry-After, per-key isolation, eviction of idle buckets. */
class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private static RateLimitConfig config(double rate, int burst, int maxTracked) {
        RateLimitConfig.Bucket bucket = new RateLimitConfig.Bucket() {
            @Override
            public double rate() {
                return rate;
            }

            @Override
            public int burst() {
                return burst;
            }
        };
        return new RateLimitConfig() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public Bucket ip() {
                return bucket;
            }

            @Override
            public Bucket auth() {
                return bucket;
            }

            @Override
            public Bucket wallet() {
                return bucket;
            }

            @Override
            public int maxTrackedClients() {
                return maxTracked;
            }
        };
    }

    @Test
    void burstThenRefillAtTheRateWithRetryAfter() {
        RateLimiter limiter = new RateLimiter(config(2, 4, 100), now::get);
        for (int i = 0; i < 4; i++) {
            limiter.takeIp("10.0.0.1");
        }
        assertThatThrownBy(() -> limiter.takeIp("10.0.0.1")).isInstanceOfSatisfying(GatewayException.RateLimited.class,
                e -> assertThat(e.retryAfterSeconds()).isEqualTo(1L));
        limiter.takeIp("10.0.0.2");
        limiter.takeWallet("10.0.0.1");
        now.addAndGet(500_000_000L);
        limiter.takeIp("10.0.0.1");
        assertThatThrownBy(() -> limiter.takeIp("10.0.0.1")).isInstanceOf(GatewayException.RateLimited.class);
    }

    @Test
    void idleBucketsExpireOnceTheyWouldBeFullAgain() {
        RateLimiter limiter = new RateLimiter(config(1, 1, 100), now::get);
        limiter.takeIp("10.0.0.1");
        limiter.takeIp("10.0.0.2");
        assertThat(limiter.tracked()).isEqualTo(2);
        now.addAndGet(500_000_000L);
        assertThat(limiter.tracked()).isEqualTo(2);
        assertThatThrownBy(() -> limiter.takeIp("10.0.0.1")).isInstanceOf(GatewayException.RateLimited.class);
        now.addAndGet(1_100_000_000L);
        assertThat(limiter.tracked()).isZero();
        limiter.takeIp("10.0.0.1");
    }

    @Test
    void theTrackedSetStaysBoundedUnderAFloodOfNewClients() {
        RateLimiter limiter = new RateLimiter(config(1, 5, 1_000), now::get);
        for (int i = 0; i < 50_000; i++) {
            limiter.takeIp("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
        }
        assertThat(limiter.tracked()).isLessThanOrEqualTo(1_000);
    }

    @Test
    void ipv6ClientsShareABucketPerSlash64() {
        RateLimiter limiter = new RateLimiter(config(1, 1, 100), now::get);
        limiter.takeIp("2001:db8:1:2::1");
        assertThatThrownBy(() -> limiter.takeIp("2001:db8:1:2:ffff:ffff:ffff:9"))
                .isInstanceOf(GatewayException.RateLimited.class);
        assertThatThrownBy(() -> limiter.takeIp("[2001:DB8:1:2::abcd]"))
                .isInstanceOf(GatewayException.RateLimited.class);
        limiter.takeIp("2001:db8:1:3::1");
        limiter.takeIp("10.0.0.1");
        assertThatThrownBy(() -> limiter.takeIp("::ffff:10.0.0.1")).isInstanceOf(GatewayException.RateLimited.class);
    }
}
