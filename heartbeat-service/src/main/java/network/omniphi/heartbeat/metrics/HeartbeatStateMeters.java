package network.omniphi.heartbeat.metrics;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Local-node gauges read from {@code local_validator_heartbeats}: {@code omniphi_heartbeat_nodes{state}} with
 * {@code live}, {@code stale} and {@code height_stalled} (live but not advancing), refreshed by a scheduled read.
 * It also registers the ingestion meters of {@code HeartbeatMetrics} (same names and tags, so the same meters) at
 * start-up, so that rate queries see a zero series before the first heartbeat instead of no series at all.
 */
@Startup
@ApplicationScoped
public class HeartbeatStateMeters {

    private static final Logger LOG = Logger.getLogger(HeartbeatStateMeters.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(5);
    private static final String STATES = "SELECT count(*) FILTER (WHERE NOT stale) AS live,"
            + " count(*) FILTER (WHERE stale) AS stale,"
            + " count(*) FILTER (WHERE NOT stale AND height_stalled) AS height_stalled"
            + " FROM local_validator_heartbeats";

    private final Pool pool;
    private final Map<String, AtomicLong> states = new LinkedHashMap<>();

    public HeartbeatStateMeters(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        for (String state : new String[]{"live", "stale", "height_stalled"}) {
            AtomicLong value = new AtomicLong();
            states.put(state, value);
            Gauge.builder("omniphi.heartbeat.nodes", value, AtomicLong::get).tag("state", state)
                    .description("Local nodes by heartbeat state").strongReference(true).register(registry);
        }
        Counter.builder("omniphi.heartbeat.accepted").description("Heartbeats accepted and stored").register(registry);
        for (String outcome : new String[]{"accepted", "refused"}) {
            Timer.builder("omniphi.heartbeat.ingest").description("Time to answer a heartbeat").tag("outcome", outcome)
                    .register(registry);
        }
    }

    @Scheduled(every = "${omniphi.metrics.refresh-interval:15s}", delay = 1, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            Row row = pool.query(STATES).execute().await().atMost(DB_TIMEOUT).iterator().next();
            states.forEach((state, value) -> value.set(row.getLong(state)));
        } catch (RuntimeException e) {
            LOG.debugf("heartbeat state meters not refreshed, next round retries: %s", e.getMessage());
        }
    }
}
