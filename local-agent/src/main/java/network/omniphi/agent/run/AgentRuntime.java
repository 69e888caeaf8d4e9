package network.omniphi.agent.run;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import network.omniphi.agent.bridge.BridgeBackend;
import network.omniphi.agent.domain.AgentException;
import network.omniphi.agent.domain.CanonicalDocs;
import network.omniphi.agent.domain.ConsensusKeyPair;
import network.omniphi.agent.domain.SignerCheck;
import network.omniphi.agent.infra.AgentHome;
import network.omniphi.agent.infra.AgentState;
import network.omniphi.agent.infra.GatewayClient;
import network.omniphi.agent.infra.NodeRpc;
import network.omniphi.agent.infra.NodeSupervisor;
import network.omniphi.devnode.Json;

/**
 * The running agent: the one-signer check, the supervised node, a node-status poll, and a heartbeat every interval.
 * Each heartbeat is built fresh at its tick (fresh timestamp, the node's current height); when the gateway cannot be
 * reached the tick is lost, never queued, and the node keeps running. Right after a link proof the heartbeats that
 * the gateway refuses as not linked yet are retried sooner ({@link #LINK_RETRY_SECONDS}), so the setup moves on as
 * soon as the owner has submitted the proof rather than an interval later.
 */
public final class AgentRuntime implements BridgeBackend {

    private static final Logger LOG = Logger.getLogger(AgentRuntime.class.getName());
    /** RFC 3339 UTC with milliseconds: always newer than the previous heartbeat even right after a restart. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final long STATUS_POLL_MILLIS = 2000;
    private static final int REPEAT_LOG_EVERY = 6;
    /**
     * Delays of the extra heartbeats after a link proof while the gateway still answers consensus-key-not-linked (the
     * owner submits the proof in the portal within seconds of the agent making it). Four in 15 s stay within the
     * heartbeat service's per-key burst (docs/heartbeat-protocol.md, check 5), together with the regular ticks.
     */
    private static final long[] LINK_RETRY_SECONDS = {1, 2, 4, 8};

    /** How many extra heartbeats may follow a link proof. */
    public static int linkRetryCount() {
        return LINK_RETRY_SECONDS.length;
    }

    private final AgentHome home;
    private final ConsensusKeyPair key;
    private final RunSettings settings;
    private final GatewayClient gateway;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "omniphi-agent");
        t.setDaemon(true);
        return t;
    });
    private final NodeRpc nodeRpc;
    private final NodeSupervisor supervisor;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private volatile AgentState state;
    private volatile NodeRpc.NodeStatus nodeStatus;
    private volatile Instant lastSent;
    private volatile Instant lastAcknowledged;
    private volatile String lastOutcome = "none yet";
    private String repeatedCondition;
    private int repeats;
    /** Extra heartbeats already scheduled since the last link proof; -1 when none are due (accepted, or no link). */
    private int linkRetries = -1;
    private final Object sending = new Object();

    public AgentRuntime(AgentHome home, ConsensusKeyPair key, AgentState state, RunSettings settings,
            GatewayClient gateway, Clock clock) {
        this.home = home;
        this.key = key;
        this.settings = settings;
        this.gateway = gateway;
        this.clock = clock;
        this.state = settings.walletOverride() == null
                ? state
                : state.linkedTo(settings.walletOverride(), state.setupRequestId());
        this.nodeRpc = new NodeRpc(settings.node().rpcPort());
        this.supervisor = new NodeSupervisor(home, settings.node(), key, state.chainId(), state.moniker(),
                settings.maxRestartBackoff(), scheduler, clock);
    }

    /** Refuses (AnotherSigner) when the gateway heard this key from elsewhere within the last interval + grace. */
    public void checkOneSigner() {
        Optional<SignerCheck.LastHeard> heard = gateway.lastHeard(key.publicKeyBase64());
        Optional<String> refusal = SignerCheck.refusal(heard, state.sentHeartbeats(), clock.instant(),
                settings.heartbeatInterval(), settings.signerCheckGrace());
        if (refusal.isPresent()) {
            throw new AgentException.AnotherSigner(refusal.get());
        }
        LOG.info(() -> heard.map(h -> "one-signer check passed: the gateway last heard this key at "
                + h.receivedAt() + " (not within the last " + settings.heartbeatInterval().plus(
                        settings.signerCheckGrace()).toSeconds()
                + " s, or from this home)")
                .orElse("one-signer check passed: the gateway has never heard this key"));
    }

    public void start() {
        supervisor.start();
        scheduler.scheduleWithFixedDelay(this::pollNode, 0, STATUS_POLL_MILLIS, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::heartbeatTick, settings.heartbeatInterval().toMillis(),
                settings.heartbeatInterval().toMillis(), TimeUnit.MILLISECONDS);
        if (state.walletAddress() == null) {
            LOG.warning("no wallet linked yet: link this node in the portal (it asks the bridge on 127.0.0.1:"
                    + settings.bridgePort() + " for the link proof); heartbeats start after that");
        }
    }

    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void stop() {
        if (!stopRequested.compareAndSet(false, true)) {
            return;
        }
        LOG.info("stopping: node first, then the agent");
        scheduler.shutdownNow();
        supervisor.stop();
        stopped.countDown();
    }

    public boolean stopRequested() {
        return stopRequested.get();
    }

    @Override
    public Map<String, Object> status() {
        NodeRpc.NodeStatus node = nodeStatus;
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("consensusPubkey", key.publicKeyBase64());
        s.put("nodeHeight", node == null ? null : node.height());
        s.put("catchingUp", node == null ? null : node.catchingUp());
        s.put("restarts", supervisor.restarts());
        s.put("localRpcPort", settings.node().rpcPort());
        s.put("lastHeartbeatSentAt", lastSent == null ? null : lastSent.toString());
        s.put("lastHeartbeatAcknowledgedAt", lastAcknowledged == null ? null : lastAcknowledged.toString());
        s.put("nodeRunning", supervisor.running());
        s.put("nodePid", supervisor.pid().orElse(null));
        s.put("chainId", state.chainId());
        s.put("walletAddress", state.walletAddress());
        s.put("setupRequestId", state.setupRequestId());
        s.put("lastHeartbeatOutcome", lastOutcome);
        return s;
    }

    @Override
    public String chainId() {
        return state.chainId();
    }

    /** Signs the canonical link document and remembers the wallet and setup, so heartbeats can name the wallet. */
    @Override
    public synchronized Map<String, Object> linkProof(String setupRequestId, String walletAddress) {
        String signature = key.signBase64(CanonicalDocs.linkProof(state.chainId(), setupRequestId, walletAddress));
        state = state.linkedTo(walletAddress, setupRequestId);
        state.save(home);
        linkRetries = 0;
        scheduleLinkRetry();
        LOG.info(() -> "link proof made for setup " + setupRequestId + " of " + walletAddress
                + "; submit it in the portal");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("consensusPubkey", key.publicKeyBase64());
        body.put("signature", signature);
        return body;
    }

    private void pollNode() {
        nodeStatus = nodeRpc.status().orElse(null);
    }

    /** Regular and link-retry heartbeats never overlap: each carries a newer timestamp than the one before. */
    private void heartbeatTick() {
        synchronized (sending) {
            try {
                sendHeartbeat();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "heartbeat failed: " + e.getMessage(), e);
            }
        }
    }

    /** The next extra heartbeat after a link proof, while some are left. */
    private synchronized void scheduleLinkRetry() {
        if (linkRetries < 0 || linkRetries >= LINK_RETRY_SECONDS.length || stopRequested.get()) {
            return;
        }
        try {
            scheduler.schedule(this::heartbeatTick, LINK_RETRY_SECONDS[linkRetries++], TimeUnit.SECONDS);
        } catch (RejectedExecutionException stopping) {
            linkRetries = -1;
        }
    }

    private void sendHeartbeat() {
        Optional<NodeRpc.NodeStatus> node = nodeRpc.status();
        nodeStatus = node.orElse(null);
        Optional<Long> uptime = supervisor.uptimeSeconds();
        if (node.isEmpty() || uptime.isEmpty()) {
            report("node-down", Level.WARNING, "the node is not answering on 127.0.0.1:"
                    + settings.node().rpcPort() + "; no heartbeat until it does");
            return;
        }
        if (!key.publicKeyBase64().equals(node.get().validatorPubkey())) {
            report("node-key", Level.SEVERE, "the node reports the consensus key " + node.get().validatorPubkey()
                    + ", not this agent's " + key.publicKeyBase64() + "; no heartbeat");
            return;
        }
        AgentState current = state;
        if (current.walletAddress() == null) {
            report("no-wallet", Level.WARNING, "no wallet linked yet: link this node in the portal; no heartbeat");
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        CanonicalDocs.Heartbeat hb = new CanonicalDocs.Heartbeat(current.walletAddress(), key.publicKeyBase64(),
                node.get().height(), uptime.get(), settings.node().rpcPort(), settings.node().p2pPort(),
                TIMESTAMP.format(now));
        String signature = key.signBase64(CanonicalDocs.heartbeat(hb));
        recordSent(now);
        GatewayClient.Outcome outcome = gateway.sendHeartbeat(body(hb, signature));
        handle(outcome);
    }

    /** Durable before sent: the one-signer check of a later start must recognise this heartbeat as ours. */
    private synchronized void recordSent(Instant timestamp) {
        state = state.withSent(timestamp);
        state.save(home);
        lastSent = timestamp;
    }

    private void handle(GatewayClient.Outcome outcome) {
        switch (outcome.kind()) {
            case ACCEPTED -> {
                synchronized (this) {
                    linkRetries = -1;
                }
                lastAcknowledged = clock.instant();
                lastOutcome = "accepted";
                report("accepted", Level.INFO, "heartbeats accepted by the gateway");
            }
            case NOT_LINKED -> {
                scheduleLinkRetry();
                lastOutcome = "consensus-key-not-linked";
                report("not-linked", Level.WARNING, "the gateway refuses heartbeats of this key (403 "
                        + "consensus-key-not-linked): link this node in the portal; retrying every "
                        + settings.heartbeatInterval().toSeconds() + " s");
            }
            case REFUSED -> {
                lastOutcome = outcome.status() + " " + outcome.code();
                report("refused-" + outcome.code(), Level.WARNING, "the gateway refused a heartbeat: "
                        + outcome.status() + " " + outcome.code() + " (" + outcome.detail() + ")");
            }
            case UNREACHABLE -> {
                lastOutcome = "gateway unreachable";
                report("unreachable", Level.WARNING, "the gateway at " + gateway.base() + " is unreachable ("
                        + (outcome.status() == 0 ? outcome.detail() : "HTTP " + outcome.status())
                        + "); the node keeps running and heartbeats resume when it is back");
            }
        }
    }

    /** Logs a condition when it starts, then once every {@link #REPEAT_LOG_EVERY} ticks while it lasts. */
    private synchronized void report(String condition, Level level, String message) {
        if (condition.equals(repeatedCondition)) {
            repeats++;
            if (repeats % REPEAT_LOG_EVERY != 0 || "accepted".equals(condition)) {
                return;
            }
        } else {
            repeatedCondition = condition;
            repeats = 0;
        }
        LOG.log(level, message);
    }

    private static String body(CanonicalDocs.Heartbeat hb, String signature) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("walletAddress", hb.walletAddress());
        body.put("consensusPubkey", hb.consensusPubkey());
        body.put("blockHeight", hb.blockHeight());
        body.put("uptimeSeconds", hb.uptimeSeconds());
        body.put("localRpcPort", hb.localRpcPort());
        body.put("localP2pPort", hb.localP2pPort());
        body.put("timestamp", hb.timestamp());
        body.put("signature", signature);
        return Json.write(body);
    }
}
