package network.omniphi.chain.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
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
    /** Set by the application's ShutdownEvent, before Quarkus closes the pool: no round starts after it. */
    private volatile boolean stopping;

    public TrackerScheduler(TrackingService tracking, ChainServiceConfig config) {
        this.tracking = tracking;
        this.enabled = config.tracker().enabled();
    }

    @Scheduled(every = "${omniphi.chain.tracker.tx-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> pollTxs() {
        return enabled && !stopping ? round("tx", tracking.pollTxs()) : Uni.createFrom().voidItem();
    }

    @Scheduled(every = "${omniphi.chain.tracker.validator-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> pollValidators() {
        return enabled && !stopping ? round("validator", tracking.pollValidators()) : Uni.createFrom().voidItem();
    }

    void stopOnShutdown(@Observes ShutdownEvent event) {
        stopping = true;
    }

    private static Uni<Void> round(String what, Uni<Integer> work) {
        return work.onFailure().invoke(e -> LOG.warnf("%s tracker round failed, retrying next tick: %s", what,
                e.getMessage())).onFailure().recoverWithNull().replaceWithVoid();
    }
}
