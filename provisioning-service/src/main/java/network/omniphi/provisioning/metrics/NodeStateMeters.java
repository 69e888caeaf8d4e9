package network.omniphi.provisioning.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

import network.omniphi.provisioning.domain.LeaderGate;
import network.omniphi.provisioning.domain.NodeRuntime;
import network.omniphi.provisioning.domain.NodeStatus;
import network.omniphi.provisioning.domain.NodeStatusReader;

/**
 * Node meters read from the provisioner's own table and the reference chain node:
 * <ul>
 * <li>{@code omniphi_provisioning_nodes{status}}: nodes per status (every status always exported);</li>
 * <li>{@code omniphi_provisioning_chain_height}: height of the reference node (0 while unreachable);</li>
 * <li>{@code omniphi_provisioning_nodes_lagging}: nodes that should run but are more than
 * {@code omniphi.metrics.lag-threshold-blocks} behind the reference node (0 while it is unreachable);</li>
 * <li>{@code omniphi_provisioning_oldest_provisioning_age_seconds}: age of the oldest node still provisioning;</li>
 * <li>{@code omniphi_provisioning_duration_seconds}: request to first synced/running, recorded by the leader when it
 * sees a node leave {@code PROVISIONING} (precision: the refresh interval).</li>
 * </ul>
 * Per node ({@code node} = ValidatorNode name, {@code setup_request_id}), for every node that should run, exported by
 * the leader only (one series per node across replicas) and removed as soon as the node is stopped, failed or deleted
 * (the label sets stay bounded by the live nodes):
 * <ul>
 * <li>{@code omniphi_provisioning_node_height_lag_blocks}: blocks the node is behind the reference node (NaN while it
 * is still provisioning or the reference node is unreachable);</li>
 * <li>{@code omniphi_provisioning_node_restarts}: restarts of the node's workload as its runtime counts them
 * (Kubernetes: the node pod's container restart count; local: process restarts in the crash window).</li>
 * </ul>
 */
@Startup
@ApplicationScoped
public class NodeStateMeters {

    private static final Logger LOG = Logger.getLogger(NodeStateMeters.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(5);
    private static final String NODES = "SELECT setup_request_id, node_name, status, desired_running, latest_height,"
            + " created_at"
            + " FROM validator_nodes WHERE status NOT IN ('STOPPED', 'FAILED')";
    private static final String BY_STATUS = "SELECT status, count(*) AS n FROM validator_nodes GROUP BY status";

    private final Pool pool;
    private final NodeStatusReader status;
    private final LeaderGate leader;
    private final Map<String, AtomicLong> counts = new LinkedHashMap<>();
    private final AtomicLong chainHeight = new AtomicLong();
    private final AtomicLong oldestProvisioning = new AtomicLong();
    private final AtomicLong lagging = new AtomicLong();
    private final long lagThreshold;
    private final Timer duration;
    private final Set<String> provisioning = new HashSet<>();
    private final NodeRuntime runtime;
    private final MeterRegistry registry;
    private final Map<String, NodeMeters> perNode = new HashMap<>();

    /** The two gauges of one node and the values they read. */
    private static final class NodeMeters {
        volatile double lag = Double.NaN;
        volatile double restarts = Double.NaN;
        final List<Meter> meters = new ArrayList<>();
    }

    public NodeStateMeters(Pool pool, NodeStatusReader status, LeaderGate leader, MeterRegistry registry,
            NodeRuntime runtime,
            @ConfigProperty(name = "omniphi.metrics.lag-threshold-blocks", defaultValue = "10") long lagThreshold) {
        this.pool = pool;
        this.runtime = runtime;
        this.registry = registry;
        this.lagThreshold = lagThreshold;
        this.status = status;
        this.leader = leader;
        for (NodeStatus s : NodeStatus.values()) {
            AtomicLong value = new AtomicLong();
            counts.put(s.name(), value);
            Gauge.builder("omniphi.provisioning.nodes", value, AtomicLong::get).description("Nodes per status")
                    .tag("status", s.name().toLowerCase(Locale.ROOT)).strongReference(true).register(registry);
        }
        Gauge.builder("omniphi.provisioning.chain.height", chainHeight, AtomicLong::get)
                .description("Latest height of the reference chain node").register(registry);
        Gauge.builder("omniphi.provisioning.oldest.provisioning.age", oldestProvisioning, AtomicLong::get)
                .baseUnit("seconds").description("Age of the oldest node still provisioning").register(registry);
        Gauge.builder("omniphi.provisioning.nodes.lagging", lagging, AtomicLong::get)
                .description("Nodes that should run but lag the reference node").register(registry);
        duration = Timer.builder("omniphi.provisioning.duration").description("Setup request to node synced")
                .serviceLevelObjectives(Arrays.stream(new int[]{30, 60, 120, 300, 600, 1200})
                        .mapToObj(Duration::ofSeconds).toArray(Duration[]::new))
                .register(registry);
    }

    /** Reads the database, the reference node and the runtime into the meters (scheduled; tests call it). */
    @Scheduled(every = "${omniphi.metrics.refresh-interval:15s}", delay = 1, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public synchronized void refresh() {
        try {
            Map<String, Long> seen = new HashMap<>();
            for (Row row : pool.query(BY_STATUS).execute().await().atMost(DB_TIMEOUT)) {
                seen.put(row.getString("status"), row.getLong("n"));
            }
            counts.forEach((s, value) -> value.set(seen.getOrDefault(s, 0L)));
            long reference = status.referenceHeight().orElse(0);
            chainHeight.set(reference);
            nodes(reference);
        } catch (RuntimeException e) {
            LOG.debugf("node meters not refreshed, next round retries: %s", e.getMessage());
        }
    }

    private NodeMeters register(String node, String setupRequestId) {
        NodeMeters m = new NodeMeters();
        Tags tags = Tags.of("node", node, "setup_request_id", setupRequestId);
        m.meters.add(Gauge.builder("omniphi.provisioning.node.height.lag", m, x -> x.lag).baseUnit("blocks")
                .description("Blocks the node is behind the reference node").tags(tags).strongReference(true)
                .register(registry));
        m.meters.add(Gauge.builder("omniphi.provisioning.node.restarts", m, x -> x.restarts)
                .description("Restarts of the node's container (Kubernetes) or process (local)").tags(tags)
                .strongReference(true).register(registry));
        return m;
    }

    private void nodes(long reference) {
        Instant now = Instant.now();
        long oldest = 0;
        long behind = 0;
        Set<String> stillProvisioning = new HashSet<>();
        Set<String> live = new HashSet<>();
        boolean leading = leader.isLeader();
        for (Row row : pool.query(NODES).execute().await().atMost(DB_TIMEOUT)) {
            String name = row.getString("node_name");
            String s = row.getString("status");
            Instant created = row.get(OffsetDateTime.class, "created_at").toInstant();
            if (NodeStatus.PROVISIONING.name().equals(s)) {
                stillProvisioning.add(name);
                oldest = Math.max(oldest, Duration.between(created, now).toSeconds());
            } else if (provisioning.contains(name) && leader.isLeader()) {
                duration.record(Duration.between(created, now));
            }
            if (reference > 0 && row.getBoolean("desired_running") && !NodeStatus.PROVISIONING.name().equals(s)
                    && reference - row.getLong("latest_height") > lagThreshold) {
                behind++;
            }
            if (leading && row.getBoolean("desired_running")) {
                NodeMeters meters = perNode.computeIfAbsent(name, n -> register(n, row.getString("setup_request_id")));
                meters.lag = reference > 0 && !NodeStatus.PROVISIONING.name().equals(s)
                        ? Math.max(0, reference - row.getLong("latest_height"))
                        : Double.NaN;
                OptionalInt restarts = runtime.restarts(name);
                meters.restarts = restarts.isPresent() ? restarts.getAsInt() : Double.NaN;
                live.add(name);
            }
        }
        perNode.keySet().removeIf(name -> {
            if (live.contains(name)) {
                return false;
            }
            perNode.get(name).meters.forEach(registry::remove);
            return true;
        });
        provisioning.clear();
        provisioning.addAll(stillProvisioning);
        oldestProvisioning.set(oldest);
        lagging.set(behind);
    }
}
