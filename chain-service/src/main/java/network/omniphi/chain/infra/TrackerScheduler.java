package network.omniphi.chain.infra;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

import network.omniphi.chain.config.ChainServiceConfig;
import network.omniphi.chain.domain.TrackingService;

/** Drives the tx tracker and the validator tracker; a failed round is logged and retried on the next tick. */
@ApplicationScoped
public class TrackerScheduler {

    private static final Logger LOG = Logger.getLogger(TrackerScheduler.class);

    private final TrackingService tracking;
    private final boolean enabled;

    public TrackerScheduler(TrackingService tracking, ChainServiceConfig config) {
        this.tracking = tracking;
        this.enabled = config.tracker().enabled();
    }

    @Scheduled(every = "${omniphi.chain.tracker.tx-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> pollTxs() {
        return enabled ? round("tx", tracking.pollTxs()) : Uni.createFrom().voidItem();
    }

    @Scheduled(every = "${omniphi.chain.tracker.validator-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> pollValidators() {
        return enabled ? round("validator", tracking.pollValidators()) : Uni.createFrom().voidItem();
    }

    private static Uni<Void> round(String what, Uni<Integer> work) {
        return work.onFailure().invoke(e -> LOG.warnf("%s tracker round failed, retrying next tick: %s", what,
                e.getMessage())).onFailure().recoverWithNull().replaceWithVoid();
    }
}
