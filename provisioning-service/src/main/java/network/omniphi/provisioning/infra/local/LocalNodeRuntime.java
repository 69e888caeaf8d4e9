package network.omniphi.provisioning.infra.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import org.jboss.logging.Logger;

import network.omniphi.provisioning.config.ProvisioningConfig;
import network.omniphi.provisioning.domain.Endpoints;
import network.omniphi.provisioning.domain.NodeRuntime;
import network.omniphi.provisioning.domain.RuntimeReport;
import network.omniphi.provisioning.domain.ValidatorNode;

/**
 * Runs nodes as local processes (dev stack and tests), with the same contract as Kubernetes: one process per node
 * (found again by pid after a provisioner restart), restarted when it dies, failed after too many restarts in a
 * short window (crash loop), and on stop ended while its home folder and key stay.
 */
@ApplicationScoped
@Typed(LocalNodeRuntime.class)
public class LocalNodeRuntime implements NodeRuntime {

    private static final Logger LOG = Logger.getLogger(LocalNodeRuntime.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final PgLocalProcesses store;
    private final NodeLauncher launcher;
    private final ProvisioningConfig.Local config;
    private final Clock clock;
    private final Map<String, Long> started = new ConcurrentHashMap<>();

    public LocalNodeRuntime(PgLocalProcesses store, NodeLauncher launcher, ProvisioningConfig config, Clock clock) {
        this.store = store;
        this.launcher = launcher;
        this.config = config.local();
        this.clock = clock;
    }

    /** The restarts the runtime counted in the current crash window (reset after a quiet window or a stop). */
    @Override
    public java.util.OptionalInt restarts(String nodeName) {
        return store.find(nodeName).filter(p -> p.pid() != null)
                .map(p -> java.util.OptionalInt.of(p.restarts())).orElse(java.util.OptionalInt.empty());
    }

    @Override
    public RuntimeReport apply(ValidatorNode node) {
        LocalProcess process = store.findOrAllocate(node.name(), launcher.homeOf(node.name()).toString());
        Optional<ProcessHandle> running = launcher.adopt(process);
        if (running.isPresent()) {
            started.putIfAbsent(node.name(), running.get().pid());
            return ready(process);
        }
        Instant now = clock.instant();
        boolean recent = process.lastStart() != null
                && now.isBefore(process.lastStart().plus(config.restartWindow()));
        int restarts = process.pid() == null ? 0 : (recent ? process.restarts() + 1 : 1);
        if (restarts > config.maxRestarts()) {
            return RuntimeReport.failed("crash loop: node process exited " + restarts + " times within "
                    + config.restartWindow().toSeconds() + "s");
        }
        if (process.pid() != null) {
            LOG.warnf("node %s process %d is gone; restarting (restart %d)", node.name(), process.pid(), restarts);
        }
        ProcessHandle started = launcher.start(node, process);
        store.started(node.name(), started.pid(), restarts, now);
        this.started.put(node.name(), started.pid());
        return RuntimeReport.starting("process " + started.pid() + " starting");
    }

    @Override
    public RuntimeReport stop(ValidatorNode node) {
        Optional<LocalProcess> process = store.find(node.name());
        if (process.isEmpty()) {
            return RuntimeReport.stopped();
        }
        launcher.adopt(process.get()).ifPresent(this::terminate);
        launcher.clearPidFile(process.get());
        store.stopped(node.name());
        return RuntimeReport.stopped();
    }

    /** With {@code stop-on-shutdown} (tests) the processes this instance supervises end with it. */
    @PreDestroy
    void shutdown() {
        if (!config.stopOnShutdown()) {
            return;
        }
        started.values().forEach(pid -> ProcessHandle.of(pid).filter(h -> h.info().commandLine()
                .map(cmd -> cmd.contains(NodeLauncher.MAIN_CLASS)).orElse(false)).ifPresent(this::terminate));
    }

    @Override
    public String kind() {
        return "local";
    }

    private void terminate(ProcessHandle handle) {
        handle.destroy();
        try {
            handle.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.destroyForcibly();
        } catch (Exception e) {
            handle.destroyForcibly();
        }
    }

    private static RuntimeReport ready(LocalProcess p) {
        String rpc = "http://127.0.0.1:" + p.ports().rpc();
        Endpoints endpoints = new Endpoints(rpc, Endpoints.p2pAddress("127.0.0.1", p.ports().p2p()),
                "127.0.0.1:" + p.ports().grpc());
        return new RuntimeReport(RuntimeReport.State.READY, endpoints, rpc, null);
    }
}
