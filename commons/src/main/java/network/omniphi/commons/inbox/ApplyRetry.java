package network.omniphi.commons.inbox;

import java.time.Duration;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/**
 * How every Kafka consumer of the suite applies an event: a transient failure (database down, a conflict, a timeout)
 * is logged and retried with back-off until it succeeds, never given up. Giving up would stop the channel and leave
 * the event unapplied until a restart; the offset is committed only after success, so nothing is skipped. A
 * {@linkplain PoisonEvent permanent} failure is not retried: it is handed on (see {@link EventIntake}, which sends the
 * event to its dead-letter topic). The apply must be a fresh, lazy Uni per subscription (a transaction opened on
 * subscribe), so each retry runs it anew.
 */
public final class ApplyRetry {

    static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private ApplyRetry() {
    }

    /**
     * {@code apply}, retried until it succeeds or fails permanently; each transient failure is logged as
     * "{@code what} failed, retrying".
     */
    public static <T> Uni<T> untilApplied(Uni<T> apply, Logger log, Supplier<String> what) {
        return apply.onFailure(t -> !PoisonEvent.isPermanent(t))
                .invoke(t -> log.warnf("%s failed, retrying: %s", what.get(), t.getMessage()))
                .onFailure(t -> !PoisonEvent.isPermanent(t)).retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF)
                .indefinitely();
    }
}
