package network.omniphi.gateway.api;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

import network.omniphi.gateway.domain.OverdueSweep;
import network.omniphi.gateway.metrics.OverdueMeters;

/**
 * Runs the overdue sweep on every replica ({@code omniphi.gateway.overdue.interval}); the sweep's row locks keep
 * replicas from re-driving the same setup. A failed round (database down) is logged and the next one retries.
 */
@ApplicationScoped
public class OverdueSweepScheduler {

    private static final Logger LOG = Logger.getLogger(OverdueSweepScheduler.class);

    private final OverdueSweep sweep;
    private final OverdueMeters meters;

    public OverdueSweepScheduler(OverdueSweep sweep, OverdueMeters meters) {
        this.sweep = sweep;
        this.meters = meters;
    }

    @Scheduled(every = "${omniphi.gateway.overdue.interval:30s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> round() {
        return sweep.sweep().invoke(meters::record)
                .onFailure().invoke(e -> LOG.warnf("overdue sweep round failed, the next one retries: %s",
                        e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
