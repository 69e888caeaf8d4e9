package network.omniphi.provisioning.infra.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

import network.omniphi.provisioning.config.ProvisioningConfig;
import network.omniphi.provisioning.domain.NodePorts;
import network.omniphi.provisioning.domain.ProvisioningException;

/**
 * Durable state of local node processes, so a restarted provisioner finds its nodes (ports, home, pid). Ports are
 * allocated from the configured range in blocks of three; unique constraints make two nodes sharing a port
 * impossible even with concurrent allocations, and ports another program already holds are skipped. Blocking; only
 * called from worker threads.
 */
@ApplicationScoped
public class PgLocalProcesses {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String COLUMNS = "node_name, rpc_port, p2p_port, grpc_port, home_dir, pid, restarts, last_start";

    private final Pool pool;
    private final ProvisioningConfig.Local config;

    public PgLocalProcesses(Pool pool, ProvisioningConfig config) {
        this.pool = pool;
        this.config = config.local();
    }

    public Optional<LocalProcess> find(String nodeName) {
        RowSet<Row> rows = run("SELECT " + COLUMNS + " FROM local_node_processes WHERE node_name = $1",
                Tuple.of(nodeName));
        return rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next()));
    }

    /** The node's row, allocating free ports and its home the first time. */
    public LocalProcess findOrAllocate(String nodeName, String homeDir) {
        Optional<LocalProcess> existing = find(nodeName);
        if (existing.isPresent()) {
            return existing.get();
        }
        Set<Integer> taken = new HashSet<>();
        run("SELECT rpc_port FROM local_node_processes", Tuple.tuple()).forEach(r -> taken.add(r.getInteger(0)));
        for (int base = config.portRangeStart(); base + NodePorts.PER_NODE - 1 <= config
                .portRangeEnd(); base += NodePorts.PER_NODE) {
            NodePorts ports = NodePorts.block(base);
            if (taken.contains(base) || !free(ports)) {
                continue;
            }
            RowSet<Row> inserted = run("INSERT INTO local_node_processes (node_name, rpc_port, p2p_port, grpc_port,"
                    + " home_dir) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING " + COLUMNS,
                    Tuple.of(nodeName, ports.rpc(), ports.p2p(), ports.grpc(), homeDir));
            if (inserted.size() == 1) {
                return map(inserted.iterator().next());
            }
            Optional<LocalProcess> raced = find(nodeName);
            if (raced.isPresent()) {
                return raced.get();
            }
        }
        throw new ProvisioningException.RuntimeUnavailable("no free port block left in " + config.portRangeStart()
                + "-" + config.portRangeEnd(), null);
    }

    public void started(String nodeName, long pid, int restarts, Instant at) {
        run("UPDATE local_node_processes SET pid = $2, restarts = $3, last_start = $4, updated_at = now()"
                + " WHERE node_name = $1", Tuple.of(nodeName, pid, restarts, at.atOffset(ZoneOffset.UTC)));
    }

    public void stopped(String nodeName) {
        run("UPDATE local_node_processes SET pid = NULL, restarts = 0, updated_at = now() WHERE node_name = $1",
                Tuple.of(nodeName));
    }

    private RowSet<Row> run(String sql, Tuple args) {
        try {
            return pool.preparedQuery(sql).execute(args).await().atMost(TIMEOUT);
        } catch (RuntimeException e) {
            throw new ProvisioningException.RuntimeUnavailable("database unavailable: " + e.getMessage(), e);
        }
    }

    private static LocalProcess map(Row r) {
        return new LocalProcess(r.getString("node_name"), new NodePorts(r.getInteger("rpc_port"),
                r.getInteger("p2p_port"), r.getInteger("grpc_port")), r.getString("home_dir"), r.getLong("pid"),
                r.getInteger("restarts"),
                r.getOffsetDateTime("last_start") == null ? null : r.getOffsetDateTime("last_start").toInstant());
    }

    private static boolean free(NodePorts ports) {
        for (int port : new int[]{ports.rpc(), ports.p2p(), ports.grpc()}) {
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                s.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
