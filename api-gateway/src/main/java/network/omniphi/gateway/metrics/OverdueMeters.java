package network.omniphi.gateway.metrics;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

import network.omniphi.gateway.domain.OverdueDeadlines;
import network.omniphi.gateway.domain.OverdueSweep;
import network.omniphi.gateway.domain.SetupStatus;

/**
 * Meters of the overdue sweep (docs/adr/0007-overdue-setup-sweep.md):
 * <ul>
 * <li>{@code omniphi_gateway_setups_overdue{status}}: setups past their status' deadline, per transitional status,
 * counted from the database at each round (every replica reports the same value: aggregate with {@code max});</li>
 * <li>{@code omniphi_gateway_overdue_redrives_total} and {@code omniphi_gateway_overdue_failures_total}: re-drives
 * and failures this replica made.</li>
 * </ul>
 */
@Startup
@ApplicationScoped
public class OverdueMeters {

    private final Map<SetupStatus, AtomicLong> overdue = new EnumMap<>(SetupStatus.class);
    private final Counter redrives;
    private final Counter failures;

    public OverdueMeters(MeterRegistry registry, OverdueDeadlines deadlines) {
        for (SetupStatus status : SetupStatus.values()) {
            if (deadlines.of(status).isPresent()) {
                AtomicLong value = new AtomicLong();
                overdue.put(status, value);
                Gauge.builder("omniphi.gateway.setups.overdue", value, AtomicLong::get).tag("status", status.wire())
                        .description("Setups past the deadline of their transitional status")
                        .strongReference(true).register(registry);
            }
        }
        redrives = Counter.builder("omniphi.gateway.overdue.redrives")
                .description("Overdue setups re-driven (request, stop or tx query sent again)").register(registry);
        failures = Counter.builder("omniphi.gateway.overdue.failures")
                .description("Overdue setups failed after their re-drives changed nothing").register(registry);
    }

    public void record(OverdueSweep.Round round) {
        overdue.forEach((status, value) -> value.set(round.overdue().getOrDefault(status, 0L)));
        redrives.increment(round.redriven());
        failures.increment(round.failed());
    }
}
