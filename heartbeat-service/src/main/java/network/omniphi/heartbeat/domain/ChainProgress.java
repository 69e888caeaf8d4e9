package network.omniphi.heartbeat.domain;

import java.time.Instant;

/** Remembers the chain height seen by the liveness loop and when it last went up. Thread-safe. */
public final class ChainProgress {

    private long height = -1;
    private Instant advancedAt;

    /** Records an observation; a first observation does not count as progress. */
    public synchronized void observe(long latestHeight, Instant now) {
        if (height >= 0 && latestHeight > height) {
            advancedAt = now;
        }
        height = Math.max(height, latestHeight);
    }

    /** True when the chain height went up at or after {@code since}. */
    public synchronized boolean advancedSince(Instant since) {
        return advancedAt != null && !advancedAt.isBefore(since);
    }
}
