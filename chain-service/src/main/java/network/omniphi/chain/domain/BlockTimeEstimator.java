package network.omniphi.chain.domain;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import network.omniphi.chain.domain.model.ChainHead;

/**
 * Average block time from two observed heads at least a few blocks apart (the trackers observe heads every
 * interval); falls back to the configured block time until there is a measurement.
 */
public final class BlockTimeEstimator {

    private static final long MIN_SPAN_BLOCKS = 3;

    private final Duration fallback;
    private final AtomicReference<ChainHead> anchor = new AtomicReference<>();
    private final AtomicReference<Duration> estimate = new AtomicReference<>();

    public BlockTimeEstimator(Duration fallback) {
        this.fallback = fallback;
    }

    public void observe(ChainHead head) {
        ChainHead first = anchor.get();
        if (first == null || head.height() < first.height() || head.time() == null || first.time() == null) {
            anchor.set(head);
            return;
        }
        long blocks = head.height() - first.height();
        if (blocks >= MIN_SPAN_BLOCKS) {
            Duration span = Duration.between(first.time(), head.time());
            if (!span.isNegative() && !span.isZero()) {
                estimate.set(span.dividedBy(blocks));
            }
            anchor.set(head);
        }
    }

    public Duration blockTime() {
        Duration measured = estimate.get();
        return measured == null ? fallback : measured;
    }

}
