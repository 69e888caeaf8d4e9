package network.omniphi.provisioning.infra.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

import network.omniphi.commons.tracing.SetupTelemetry;
import network.omniphi.provisioning.config.ProvisioningConfig;
import network.omniphi.provisioning.domain.DeclaredNode;
import network.omniphi.provisioning.domain.LeaderGate;
import network.omniphi.provisioning.domain.NodeChange;
import network.omniphi.provisioning.domain.NodeLifecycle;
import network.omniphi.provisioning.domain.NodeRuntime;
import network.omniphi.provisioning.domain.NodeSpecRules;
import network.omniphi.provisioning.domain.NodeStatus;
import network.omniphi.provisioning.domain.NodeStatusReader;
import network.omniphi.provisioning.domain.NodeWork;
import network.omniphi.provisioning.domain.ProvisioningException;
import network.omniphi.provisioning.domain.RuntimeReport;
import network.omniphi.provisioning.domain.StatusReading;
import network.omniphi.provisioning.domain.Transition;
import network.omniphi.provisioning.domain.ValidatorNode;
import network.omniphi.provisioning.infra.persistence.BlockingNodeRecords;

/**
 * Drives every unsettled node toward what the user asked for. With a watch-driven runtime (Kubernetes) each node is
 * reconciled when its ValidatorNode or a child changes, after a command, and when its own next check is due (still
 * provisioning, the next health check, a backoff), through a deduplicating work queue; a full pass runs only when
 * leadership is gained and every {@code kubernetes.resync-interval}. The ValidatorNode is the source of truth: one the
 * database lacks is adopted, and a node whose ValidatorNode asks to stop or was deleted is stopped. The local
 * process runtime, which has no watches, is reconciled by a pass every second. Only the leadership holder acts. Runs on worker threads (runtime and HTTP calls block); one pass at a time. Failures of
 * one node (transient) back off that node only; the pass goes on with the others. A node that failed is scaled down
 * (volume kept) right after, in another pass, and then left alone: also a restarted provisioner never runs it again.
 */
@ApplicationScoped
public class ReconcileLoop implements NodeWork {

    private static final Logger LOG = Logger.getLogger(ReconcileLoop.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final BlockingNodeRecords store;
    private final NodeRuntime runtime;
    private final NodeStatusReader reader;
    private final NodeLifecycle lifecycle;
    private final LeaderGate leader;
    private final Clock clock;
    private final ReentrantLock passLock = new ReentrantLock();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicLong fullPasses = new AtomicLong();
    private final Map<String, Backoff> backoffs = new ConcurrentHashMap<>();
    /** Runs kicked passes at once and, for the local runtime, the early pass while a node is starting. */
    private final ScheduledExecutorService kicker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "reconcile-kick");
        t.setDaemon(true);
        return t;
    });
    /** Whether the early pass of a starting node is already scheduled on {@link #kicker} (one at a time). */
    private final AtomicBoolean followUpArmed = new AtomicBoolean();

    private final Duration resyncInterval;
    private final Duration provisioningRequeue;
    private final Duration healthInterval;
    private final Duration startingRecheck;
    private volatile NodeWorkQueue queue;
    private volatile Instant lastFullPass;
    private volatile boolean wasLeader;
    private volatile OptionalLong referenceHeight = OptionalLong.empty();
    private volatile Tracer tracer = TracerProvider.noop().get("reconcile");
    private volatile Instant referenceReadAt = Instant.EPOCH;

    private record Backoff(Instant until, Duration delay) {
    }

    /** Told about every reconcile of one node: how long it took and whether it failed (metrics). */
    public interface ReconcileListener {
        void reconciled(Duration took, boolean failed);
    }

    private volatile ReconcileListener listener = (took, failed) -> {
    };
    /** Set by the application's ShutdownEvent: scheduled ticks do nothing from then on. */
    private volatile boolean stopping;

    /** A loop with the default intervals (tests build one per pass, as a restarted provisioner would). */
    public ReconcileLoop(BlockingNodeRecords store, NodeRuntime runtime, NodeStatusReader reader,
            NodeLifecycle lifecycle,
            LeaderGate leader, Clock clock) {
        this(store, runtime, reader, lifecycle, leader, clock, Duration.ofMinutes(10), Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofMillis(150));
    }

    @Inject
    public ReconcileLoop(BlockingNodeRecords store, NodeRuntime runtime, NodeStatusReader reader,
            NodeLifecycle lifecycle,
            LeaderGate leader, Clock clock, ProvisioningConfig config) {
        this(store, runtime, reader, lifecycle, leader, clock, config.kubernetes().resyncInterval(),
                config.kubernetes().provisioningRequeue(), config.healthInterval(), config.local().startingRecheck());
    }

    private ReconcileLoop(BlockingNodeRecords store, NodeRuntime runtime, NodeStatusReader reader,
            NodeLifecycle lifecycle,
            LeaderGate leader, Clock clock, Duration resyncInterval, Duration provisioningRequeue,
            Duration healthInterval, Duration startingRecheck) {
        this.store = store;
        this.runtime = runtime;
        this.reader = reader;
        this.lifecycle = lifecycle;
        this.leader = leader;
        this.clock = clock;
        this.resyncInterval = resyncInterval;
        this.provisioningRequeue = provisioningRequeue;
        this.healthInterval = healthInterval;
        this.startingRecheck = startingRecheck;
    }

    /** Watch-driven runtimes report changed nodes into the work queue from start-up on. */
    void onStart(@Observes StartupEvent event) {
        if (runtime.watchDriven()) {
            queue = new NodeWorkQueue(this::reconcileOne);
            runtime.watch(queue::enqueue);
        }
    }

    /**
     * Every second: the local runtime's pass; for a watch-driven runtime only a check whether leadership was just
     * gained or the resync interval is over (both run a full pass).
     */
    @Scheduled(every = "${omniphi.provisioning.reconcile-interval:1s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (stopping) {
            return; // the application is stopping: no pass on a closing pool
        }
        if (!runtime.watchDriven()) {
            runIfLeader();
            return;
        }
        boolean leading = leader.isLeader();
        boolean gained = leading && !wasLeader;
        wasLeader = leading;
        Instant last = lastFullPass;
        if (leading && (gained || last == null || !clock.instant().isBefore(last.plus(resyncInterval)))) {
            runIfLeader();
        }
    }

    /** Asks for a pass as soon as possible (after a command was committed). */
    public void kick() {
        try {
            kicker.execute(this::runIfLeader);
        } catch (RejectedExecutionException stopping) {
            // the application is stopping: the next instance's first pass sees the committed change
        }
    }

    /** Asks for the node of this setup to be reconciled as soon as possible (after a command was committed). */
    @Override
    public void kick(String setupRequestId) {
        NodeWorkQueue q = queue;
        if (q != null) {
            q.enqueue(setupRequestId);
        } else {
            kick();
        }
    }

    /**
     * Reconciles the node of one setup (following its runtime declaration first) if this instance leads; returns
     * when it wants to see the node again, if at all.
     */
    public Optional<Duration> reconcileOne(String setupRequestId) {
        if (!leader.isLeader()) {
            return Optional.empty();
        }
        passLock.lock();
        Span span = reconcileSpan(setupRequestId);
        try (Scope scope = span.makeCurrent()) {
            SetupTelemetry.tag(setupRequestId);
            ValidatorNode node = follow(setupRequestId, store.node(setupRequestId));
            if (node == null || !needsWork(node)) {
                return Optional.empty();
            }
            Backoff backoff = backoffs.get(node.name());
            if (backoff != null && clock.instant().isBefore(backoff.until())) {
                return Optional.of(Duration.between(clock.instant(), backoff.until()));
            }
            reconcile(node, reference());
            Backoff after = backoffs.get(node.name());
            return after != null ? Optional.of(after.delay()) : Optional.of(requeue(node));
        } catch (ProvisioningException.RuntimeUnavailable e) {
            LOG.warnf("reconcile of %s skipped: %s", setupRequestId, e.getMessage());
            span.setStatus(StatusCode.ERROR, e.getMessage());
            return Optional.of(provisioningRequeue);
        } finally {
            SetupTelemetry.clearMdc();
            span.end();
            passLock.unlock();
        }
    }

    /**
     * The span of one node's reconcile (a root span: the work comes from a watch event or a timer, not a request),
     * with the setup as attribute; its logs carry the setup in the MDC ({@link SetupTelemetry}).
     */
    private Span reconcileSpan(String setupRequestId) {
        return tracer.spanBuilder("reconcile ValidatorNode").setNoParent().setSpanKind(SpanKind.INTERNAL)
                .setAttribute(SetupTelemetry.ATTRIBUTE, setupRequestId)
                .setAttribute("omniphi.runtime", runtime.kind()).startSpan();
    }

    @Inject
    void tracer(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Reports every reconcile of one node from now on. */
    public void listen(ReconcileListener listener) {
        this.listener = listener;
    }

    /** Keys waiting in the work queue (0 without one). */
    public int queueDepth() {
        NodeWorkQueue q = queue;
        return q == null ? 0 : q.depth();
    }

    private Duration requeue(ValidatorNode node) {
        return node.status().serving() ? healthInterval : provisioningRequeue;
    }

    private static boolean needsWork(ValidatorNode node) {
        return node.status() != NodeStatus.STOPPED && (node.status() != NodeStatus.FAILED || node.desiredRunning());
    }

    /**
     * The database follows the runtime's declaration: a declared node it lacks is adopted (provisioning, announced);
     * a live node whose declaration asks to stop, was deleted, or (once past provisioning, or declared by a user) is
     * gone is stopped like after a stop command.
     */
    private ValidatorNode follow(String setupRequestId, ValidatorNode node) {
        DeclaredNode declared = runtime.declared(setupRequestId);
        if (node == null) {
            if (declared.state() != DeclaredNode.State.PRESENT) {
                return null;
            }
            Transition adoption = adoption(setupRequestId, declared);
            if (store.adopt(adoption)) {
                announce(adoption);
            }
            return store.node(setupRequestId);
        }
        boolean live = node.desiredRunning() && !node.status().settled() && node.status() != NodeStatus.STOPPING;
        boolean gone = declared.state() == DeclaredNode.State.DELETED
                || declared.state() == DeclaredNode.State.UNKNOWN && runtime.watchDriven()
                        && (node.status() != NodeStatus.PROVISIONING
                                || ValidatorNode.ADOPTED_PROVIDER.equals(node.provider()));
        boolean stopAsked = declared.state() == DeclaredNode.State.PRESENT && !declared.running();
        if (live && (gone || stopAsked)) {
            Optional<Transition> stopping = lifecycle.stopRequested(node);
            if (stopping.isPresent() && store(stopping.get())) {
                LOG.infof("node %s: its ValidatorNode %s; stopping", node.name(), gone ? "is gone" : "asks to stop");
                return store.node(setupRequestId);
            }
        }
        return node;
    }

    /**
     * Writes an adoption's status and Events onto its ValidatorNode; a failure is only logged: the reconcile that
     * follows writes the status again.
     */
    private void announce(Transition adoption) {
        try {
            runtime.recorded(adoption);
        } catch (ProvisioningException.RuntimeUnavailable e) {
            LOG.warnf("node %s adopted; its status is written by the next reconcile: %s", adoption.node().name(),
                    e.getMessage());
        }
    }

    private Transition adoption(String setupRequestId, DeclaredNode declared) {
        ValidatorNode node = ValidatorNode.adopted(setupRequestId, declared.name(), declared.moniker(),
                declared.chainId(), clock.instant());
        try {
            NodeSpecRules.check(setupRequestId, declared.moniker(), declared.chainId());
            LOG.infof("adopting ValidatorNode %s (setup %s) applied directly", declared.name(), setupRequestId);
            return Transition.of(node, new NodeChange.Provisioning());
        } catch (ProvisioningException.InvalidNodeSpec e) {
            String reason = "invalid ValidatorNode: " + e.errors().stream().map(f -> f.field() + " " + f.message())
                    .reduce((a, b) -> a + "; " + b).orElse("");
            return Transition.of(node.failed(reason), new NodeChange.Failed(reason));
        }
    }

    /** The reference node's height, read at most once a second (shared by the nodes reconciled meanwhile). */
    private OptionalLong reference() {
        Instant now = clock.instant();
        if (now.isAfter(referenceReadAt.plusSeconds(1))) {
            referenceHeight = reader.referenceHeight();
            referenceReadAt = now;
        }
        return referenceHeight;
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

    /** Full passes run so far (leadership gained, resync interval, the local runtime's tick); tests, metrics. */
    public long fullPasses() {
        return fullPasses.get();
    }

    private int pass() {
        fullPasses.incrementAndGet();
        try {
            lastFullPass = clock.instant();
            referenceReadAt = Instant.EPOCH;
            OptionalLong reference = reference();
            int changed = 0;
            boolean starting = false;
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (ValidatorNode node : store.needingWork()) {
                seen.add(node.setupRequestId());
                starting |= node.desiredRunning() && node.status() == NodeStatus.PROVISIONING;
                Span span = reconcileSpan(node.setupRequestId());
                try (Scope scope = span.makeCurrent()) {
                    SetupTelemetry.tag(node.setupRequestId());
                    ValidatorNode followed = runtime.watchDriven() ? follow(node.setupRequestId(), node) : node;
                    if (followed != null && needsWork(followed) && leader.isLeader() && due(followed)
                            && reconcile(followed, reference)) {
                        changed++;
                    }
                    requeueLater(followed);
                } finally {
                    SetupTelemetry.clearMdc();
                    span.end();
                }
            }
            for (String declared : runtime.declaredSetupIds()) {
                if (!seen.contains(declared) && leader.isLeader()) {
                    reconcileOne(declared).ifPresent(after -> enqueueAfter(declared, after));
                }
            }
            if (starting && !runtime.watchDriven()) {
                followUpSoon();
            }
            return changed;
        } catch (ProvisioningException.RuntimeUnavailable e) {
            LOG.warnf("reconcile pass skipped: %s", e.getMessage());
            return 0;
        }
    }

    /**
     * The local runtime has no watches: it sees a started node become ready only in a pass. While one is starting, the
     * next pass runs {@code local.starting-recheck} after this one instead of at the next tick (at most one armed).
     */
    private void followUpSoon() {
        if (followUpArmed.compareAndSet(false, true)) {
            try {
                kicker.schedule(() -> {
                    followUpArmed.set(false);
                    runIfLeader();
                }, startingRecheck.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                followUpArmed.set(false); // shutting down
            }
        }
    }

    /** After a full pass, a watch-driven loop keeps checking each live node on its own schedule. */
    private void requeueLater(ValidatorNode node) {
        if (node != null && needsWork(node)) {
            Backoff b = backoffs.get(node.name());
            enqueueAfter(node.setupRequestId(), b != null ? b.delay() : requeue(node));
        }
    }

    private void enqueueAfter(String setupRequestId, Duration after) {
        NodeWorkQueue q = queue;
        if (q != null) {
            q.enqueueAfter(setupRequestId, after);
        }
    }

    private boolean reconcile(ValidatorNode node, OptionalLong reference) {
        long started = System.nanoTime();
        boolean failed = true;
        try {
            boolean changed = reconcileNode(node, reference);
            failed = backoffs.containsKey(node.name());
            return changed;
        } finally {
            listener.reconciled(Duration.ofNanos(System.nanoTime() - started), failed);
        }
    }

    private boolean reconcileNode(ValidatorNode node, OptionalLong reference) {
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
            runtime.recorded(transition);
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

    /**
     * Stops the kick thread and the work queue as the application begins to stop, before Quarkus closes the database
     * pool (docs/CONVENTIONS.md: loops stop before the resources they use).
     */
    void stopOnShutdown(@Observes ShutdownEvent event) {
        stopping = true;
        close();
    }

    @PreDestroy
    void close() {
        kicker.shutdownNow();
        NodeWorkQueue q = queue;
        if (q != null) {
            q.close();
        }
    }
}
