package network.omniphi.provisioning.metrics;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;

import network.omniphi.provisioning.domain.LeaderGate;
import network.omniphi.provisioning.infra.reconcile.ReconcileLoop;

/**
 * The reconciler's own meters:
 * <ul>
 * <li>{@code omniphi_provisioning_reconcile_duration_seconds}: one node's reconcile (runtime apply, /status read,
 * stored transition), by the leader;</li>
 * <li>{@code omniphi_provisioning_reconcile_errors_total}: reconciles that failed transiently (API server or database
 * unavailable; the node is retried with backoff);</li>
 * <li>{@code omniphi_provisioning_reconcile_queue_depth}: node keys waiting in the work queue (watch events and due
 * re-checks not yet reconciled);</li>
 * <li>{@code omniphi_provisioning_reconcile_full_passes_total}: full passes (leadership gained, resync interval);</li>
 * <li>{@code omniphi_provisioning_leader}: 1 on the instance holding the leadership Lease, 0 on the others.</li>
 * </ul>
 */
@Startup
@ApplicationScoped
public class ReconcileMeters {

    public ReconcileMeters(ReconcileLoop loop, LeaderGate leader, MeterRegistry registry) {
        Timer duration = Timer.builder("omniphi.provisioning.reconcile.duration")
                .description("Reconcile of one node").publishPercentileHistogram(false)
                .serviceLevelObjectives(java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(50),
                        java.time.Duration.ofMillis(250), java.time.Duration.ofSeconds(1),
                        java.time.Duration.ofSeconds(5))
                .register(registry);
        Counter errors = Counter.builder("omniphi.provisioning.reconcile.errors")
                .description("Node reconciles that failed transiently and are retried with backoff")
                .register(registry);
        loop.listen((took, failed) -> {
            duration.record(took.toNanos(), TimeUnit.NANOSECONDS);
            if (failed) {
                errors.increment();
            }
        });
        Gauge.builder("omniphi.provisioning.reconcile.queue.depth", loop, ReconcileLoop::queueDepth)
                .description("Node keys waiting in the reconcile work queue").register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("omniphi.provisioning.reconcile.full.passes", loop,
                ReconcileLoop::fullPasses).description("Full reconcile passes").register(registry);
        Gauge.builder("omniphi.provisioning.leader", leader, l -> l.isLeader() ? 1 : 0)
                .description("1 on the instance holding the provisioner leadership, 0 otherwise")
                .register(registry);
    }
}
