package network.omniphi.provisioning.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

import network.omniphi.provisioning.domain.LeaderGate;
import network.omniphi.provisioning.domain.NodeLifecycle;
import network.omniphi.provisioning.domain.NodeRuntime;
import network.omniphi.provisioning.domain.NodeStatus;
import network.omniphi.provisioning.domain.NodeStatusReader;
import network.omniphi.provisioning.domain.ProvisioningException;
import network.omniphi.provisioning.domain.RuntimeReport;
import network.omniphi.provisioning.domain.StatusReading;
import network.omniphi.provisioning.domain.Transition;
import network.omniphi.provisioning.domain.ValidatorNode;
import network.omniphi.provisioning.infra.persistence.NodeStore;

/**
 * Drives every unsettled node toward what the user asked for, on a timer and right after a command. Only the
 * leadership holder acts. Runs on worker threads (runtime and HTTP calls block); one pass at a time. Failures of
 * one node (transient) back off that node only; the pass goes on with the others. A node that failed is scaled down
 * (volume kept) right after, in another pass, and then left alone: also a restarted provisioner never runs it again.
 */
@ApplicationScoped
public class ReconcileLoop {

    private static final Logger LOG = Logger.getLogger(ReconcileLoop.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final NodeStore store;
    private final NodeRuntime runtime;
    private final NodeStatusReader reader;
    private final NodeLifecycle lifecycle;
    private final LeaderGate leader;
    private final Clock clock;
    private final ReentrantLock passLock = new ReentrantLock();
    private final AtomicBoolean again = new AtomicBoolean();
    private final Map<String, Backoff> backoffs = new ConcurrentHashMap<>();
    private final ExecutorService kicker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "reconcile-kick");
        t.setDaemon(true);
        return t;
    });

    private record Backoff(Instant until, Duration delay) {
    }

    public ReconcileLoop(NodeStore store, NodeRuntime runtime, NodeStatusReader reader, NodeLifecycle lifecycle,
            LeaderGate leader, Clock clock) {
        this.store = store;
        this.runtime = runtime;
        this.reader = reader;
        this.lifecycle = lifecycle;
        this.leader = leader;
        this.clock = clock;
    }

    @Scheduled(every = "${omniphi.provisioning.reconcile-interval:1s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        runIfLeader();
    }

    /** Asks for a pass as soon as possible (after a command was committed). */
    public void kick() {
        kicker.execute(this::runIfLeader);
    }

    /** Runs one pass if this instance leads; returns how many nodes changed, or -1 when not leader. */
    public int runIfLeader() {
        if (!leader.isLeader()) {
            return -1;
        }
        if (!passLock.tryLock()) {
            again.set(true);
            return 0;
        }
        try {
            int changed;
            do {
                again.set(false);
                changed = pass();
            } while (again.get());
            return changed;
        } finally {
            passLock.unlock();
        }
    }

    private int pass() {
        try {
            OptionalLong reference = reader.referenceHeight();
            int changed = 0;
            for (ValidatorNode node : store.needingWork()) {
                if (leader.isLeader() && due(node) && reconcile(node, reference)) {
                    changed++;
                }
            }
            return changed;
        } catch (ProvisioningException.RuntimeUnavailable e) {
            LOG.warnf("reconcile pass skipped: %s", e.getMessage());
            return 0;
        }
    }

    private boolean reconcile(ValidatorNode node, OptionalLong reference) {
        try {
            boolean changed;
            if (node.status() == NodeStatus.FAILED) {
                changed = halt(node);
            } else {
                changed = node.desiredRunning() ? run(node, reference) : stop(node);
            }
            backoffs.remove(node.name());
            return changed;
        } catch (ProvisioningException.RuntimeUnavailable e) {
            Backoff previous = backoffs.get(node.name());
            Duration delay = previous == null ? Duration.ofSeconds(1) : min(previous.delay().multipliedBy(2));
            backoffs.put(node.name(), new Backoff(clock.instant().plus(delay), delay));
            LOG.warnf("node %s: transient failure, retry in %ss: %s", node.name(), delay.toSeconds(), e.getMessage());
            return false;
        }
    }

    private boolean run(ValidatorNode node, OptionalLong reference) {
        RuntimeReport report = runtime.apply(node);
        Optional<StatusReading> reading = report.state() == RuntimeReport.State.READY
                ? reader.read(report.statusUrl())
                : Optional.empty();
        Optional<Transition> next = lifecycle.whileRunning(node, report, reading, reference, clock.instant());
        boolean stored = next.map(this::store).orElse(false);
        if (stored && next.get().node().status() == NodeStatus.FAILED) {
            again.set(true);
        }
        return stored;
    }

    /** A failed node: scaled down (process ended), keeping its volume, Services and custom resource. */
    private boolean halt(ValidatorNode node) {
        RuntimeReport report = runtime.stop(node);
        return lifecycle.whileHalting(node, report).map(this::store).orElse(false);
    }

    private boolean stop(ValidatorNode node) {
        RuntimeReport report = runtime.stop(node);
        return lifecycle.whileStopping(node, report).map(this::store).orElse(false);
    }

    private boolean store(Transition transition) {
        boolean stored = store.apply(transition);
        if (stored) {
            runtime.recordStatus(transition.node());
        }
        return stored;
    }

    private boolean due(ValidatorNode node) {
        Backoff b = backoffs.get(node.name());
        return b == null || !clock.instant().isBefore(b.until());
    }

    private static Duration min(Duration d) {
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    @PreDestroy
    void close() {
        kicker.shutdownNow();
    }
}
