package network.omniphi.gateway.api.security;

/** A token bucket: {@code rate} tokens per second up to {@code burst}; thread-safe, time passed in by the caller. */
final class TokenBucket {

    private final double ratePerNano;
    private final double burst;
    private double tokens;
    private long last;

    TokenBucket(double ratePerSecond, int burst, long nowNanos) {
        this.ratePerNano = ratePerSecond / 1_000_000_000d;
        this.burst = burst;
        this.tokens = burst;
        this.last = nowNanos;
    }

    /** Takes a token: answers 0 when granted, else the nanoseconds until one is available. */
    synchronized long tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1d) {
            tokens -= 1d;
            return 0L;
        }
        return Math.max(1L, (long) Math.ceil((1d - tokens) / ratePerNano));
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - last;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed * ratePerNano);
            last = nowNanos;
        }
    }
}
