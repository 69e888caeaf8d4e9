package network.omniphi.chain.metrics;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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

import network.omniphi.chain.domain.model.BondStatus;

/**
 * Gauges over the chain service's tracking tables, refreshed by a scheduled read:
 * <ul>
 * <li>{@code omniphi_chain_txs{status}}: tracked create-validator txs by outcome (submitted, confirmed, failed);
 * {@code delta(...[1h])} of {@code failed} gives recent failures;</li>
 * <li>{@code omniphi_chain_validators{status}}: tracked validators by bond status as last seen on chain;</li>
 * <li>{@code omniphi_chain_validators_jailed}: tracked validators the chain reports jailed.</li>
 * </ul>
 */
@Startup
@ApplicationScoped
public class ChainStateMeters {

    private static final Logger LOG = Logger.getLogger(ChainStateMeters.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(5);
    private static final List<String> TX_STATUSES = List.of("submitted", "confirmed", "failed");
    private static final String TXS = "SELECT status, count(*) AS n FROM tracked_txs GROUP BY status";
    private static final String VALIDATORS = "SELECT status, count(*) AS n, count(*) FILTER (WHERE jailed) AS j"
            + " FROM validator_states WHERE found GROUP BY status";

    private final Pool pool;
    private final Map<String, AtomicLong> txs = new LinkedHashMap<>();
    private final Map<String, AtomicLong> validators = new LinkedHashMap<>();
    private final AtomicLong jailed = new AtomicLong();

    public ChainStateMeters(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        for (String s : TX_STATUSES) {
            txs.put(s, gauge(registry, "omniphi.chain.txs", s, "Tracked create-validator txs by outcome"));
        }
        for (BondStatus s : BondStatus.values()) {
            validators.put(s.name(), gauge(registry, "omniphi.chain.validators", s.name().toLowerCase(Locale.ROOT),
                    "Tracked validators by bond status"));
        }
        Gauge.builder("omniphi.chain.validators.jailed", jailed, AtomicLong::get)
                .description("Tracked validators that are jailed").register(registry);
    }

    private static AtomicLong gauge(MeterRegistry registry, String name, String status, String description) {
        AtomicLong value = new AtomicLong();
        Gauge.builder(name, value, AtomicLong::get).tag("status", status).description(description)
                .strongReference(true).register(registry);
        return value;
    }

    @Scheduled(every = "${omniphi.metrics.refresh-interval:15s}", delay = 1, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            Map<String, Long> txCounts = new HashMap<>();
            for (Row row : pool.query(TXS).execute().await().atMost(DB_TIMEOUT)) {
                txCounts.put(row.getString("status"), row.getLong("n"));
            }
            txs.forEach((s, value) -> value.set(txCounts.getOrDefault(s, 0L)));
            Map<String, Long> byStatus = new HashMap<>();
            long j = 0;
            for (Row row : pool.query(VALIDATORS).execute().await().atMost(DB_TIMEOUT)) {
                byStatus.put(row.getString("status"), row.getLong("n"));
                j += row.getLong("j");
            }
            validators.forEach((s, value) -> value.set(byStatus.getOrDefault(s, 0L)));
            jailed.set(j);
        } catch (RuntimeException e) {
            LOG.debugf("chain meters not refreshed, next round retries: %s", e.getMessage());
        }
    }
}
