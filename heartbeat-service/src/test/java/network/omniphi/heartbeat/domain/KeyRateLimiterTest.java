package network.omniphi.heartbeat.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class KeyRateLimiterTest {

    private final Instant t0 = Instant.parse("2026-11-25T18:00:00Z");

    @Test
    void allowsABurstThenOnePerInterval() {
        KeyRateLimiter limiter = new KeyRateLimiter(2, Duration.ofSeconds(10));
        assertThat(limiter.tryAcquire("k", t0)).isEmpty();
        assertThat(limiter.tryAcquire("k", t0)).isEmpty();
        assertThat(limiter.tryAcquire("k", t0.plusSeconds(4))).contains(Duration.ofSeconds(6));
        assertThat(limiter.tryAcquire("k", t0.plusSeconds(10))).isEmpty();
        assertThat(limiter.tryAcquire("k", t0.plusSeconds(10))).isPresent();
    }

    @Test
    void keysAreIndependentAndIdleKeysAreForgotten() {
        KeyRateLimiter limiter = new KeyRateLimiter(1, Duration.ofSeconds(10));
        assertThat(limiter.tryAcquire("a", t0)).isEmpty();
        assertThat(limiter.tryAcquire("b", t0)).isEmpty();
        assertThat(limiter.tryAcquire("a", t0)).isPresent();
        limiter.evictIdle(t0.plusSeconds(5));
        assertThat(limiter.trackedKeys()).isEqualTo(2);
        limiter.evictIdle(t0.plusSeconds(10));
        assertThat(limiter.trackedKeys()).isZero();
    }

    @Test
    void rateLimitedErrorRoundsRetryAfterUp() {
        assertThat(new HeartbeatException.RateLimited(Duration.ofMillis(1200)).retryAfterSeconds()).isEqualTo(2);
        assertThat(new HeartbeatException.RateLimited(Duration.ZERO).retryAfterSeconds()).isEqualTo(1);
    }
}
