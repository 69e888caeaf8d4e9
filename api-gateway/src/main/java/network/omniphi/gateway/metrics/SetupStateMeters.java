package network.omniphi.gateway.metrics;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

import network.omniphi.gateway.domain.SetupStatus;

/**
 * Gauges over the gateway's own tables, refreshed by a scheduled read (every replica reports the same values, so
 * alerts and dashboards aggregate them with {@code max}):
 * <ul>
 * <li>{@code omniphi_gateway_setups{status}}: setup requests per status (every status is always exported);</li>
 * <li>{@code omniphi_gateway_setup_oldest_age_seconds{status}}: age of the oldest setup waiting in a status since its
 * last change (0 when none), for "stuck" alerts;</li>
 * <li>{@code omniphi_gateway_validators_jailed}: live setups whose validator the chain reports jailed.</li>
 * </ul>
 */
@Startup
@ApplicationScoped
public class SetupStateMeters {

    private static final Logger LOG = Logger.getLogger(SetupStateMeters.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(5);
    private static final String BY_STATUS = "SELECT status, count(*) AS n,"
            + " EXTRACT(EPOCH FROM (now() - min(updated_at)))::bigint AS oldest"
            + " FROM validator_setup_requests GROUP BY status";
    private static final String JAILED = "SELECT count(*) AS n FROM validator_chain_info c"
            + " JOIN validator_setup_requests s ON s.id = c.setup_request_id"
            + " WHERE c.jailed AND s.status NOT IN ('stopped', 'failed')";

    private final Pool pool;
    private final Map<String, AtomicLong> counts = new LinkedHashMap<>();
    private final Map<String, AtomicLong> oldest = new LinkedHashMap<>();
    private final AtomicLong jailed = new AtomicLong();

    public SetupStateMeters(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        Arrays.stream(SetupStatus.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).forEach(status -> {
            counts.put(status, register(registry, "omniphi.gateway.setups", status, "Setup requests per status"));
            oldest.put(status, register(registry, "omniphi.gateway.setup.oldest.age", status,
                    "Seconds since the oldest setup in this status last changed"));
        });
        Gauge.builder("omniphi.gateway.validators.jailed", jailed, AtomicLong::get)
                .description("Live setups whose validator is jailed on chain").register(registry);
    }

    private static AtomicLong register(MeterRegistry registry, String name, String status, String description) {
        AtomicLong value = new AtomicLong();
        Gauge.Builder<AtomicLong> builder = Gauge.builder(name, value, AtomicLong::get).tag("status", status)
                .description(description).strongReference(true);
        if (name.endsWith(".age")) {
            builder.baseUnit("seconds");
        }
        builder.register(registry);
        return value;
    }

    @Scheduled(every = "${omniphi.metrics.refresh-interval:15s}", delay = 1, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            Map<String, long[]> seen = new LinkedHashMap<>();
            for (Row row : pool.query(BY_STATUS).execute().await().atMost(DB_TIMEOUT)) {
                seen.put(row.getString("status"), new long[]{row.getLong("n"), row.getLong("oldest")});
            }
            counts.forEach((status, value) -> value.set(seen.getOrDefault(status, new long[2])[0]));
            oldest.forEach((status, value) -> value.set(seen.getOrDefault(status, new long[2])[1]));
            jailed.set(pool.query(JAILED).execute().await().atMost(DB_TIMEOUT).iterator().next().getLong("n"));
        } catch (RuntimeException e) {
            LOG.debugf("setup state meters not refreshed, next round retries: %s", e.getMessage());
        }
    }
}
