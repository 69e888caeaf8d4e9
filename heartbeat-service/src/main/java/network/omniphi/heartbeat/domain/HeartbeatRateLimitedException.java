package network.omniphi.heartbeat.domain;

import java.time.Duration;

import network.omniphi.commons.error.ErrorKind;

/** The consensus key sends heartbeats faster than allowed (429 with Retry-After). */
public final class HeartbeatRateLimitedException extends HeartbeatException {

    private final long retryAfterSeconds;

    public HeartbeatRateLimitedException(Duration retryAfter) {
        super("This consensus key sends heartbeats too fast; retry later.");
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    @Override
    public String code() {
        return "heartbeat-rate-limited";
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.RATE_LIMITED;
    }

    @Override
    public String title() {
        return "Too many heartbeats";
    }

    @Override
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
