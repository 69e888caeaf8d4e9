package network.omniphi.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

/** The event projection on in-memory ports: which event moves a setup where, and which ones change nothing. */
class StatusProjectionTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant NOW = Instant.parse("2026-01-01T01:00:00Z");

    final MemoryStore store = new MemoryStore();
    final StatusProjection projection = new StatusProjection(store, Clock.fixed(NOW, ZoneOffset.UTC));
    final UUID id = UUID.randomUUID();
    long second;

    SetupRequest setup(SetupStatus status, RunMode mode, String key) {
        SetupRequest s = new SetupRequest(id, status, "omni1w", "v", null, null, new BigDecimal("0.1"), mode,
                mode == RunMode.LOCAL ? "local" : "gke", key, null, null, T0, T0, null, null);
        store.setups.put(id, s);
        return s;
    }

    Instant at() {
        return T0.plusSeconds(++second);
    }

    boolean apply(StatusEvent e) {
        return projection.apply(e).await().indefinitely();
    }

    SetupRequest stored() {
        return store.setups.get(id);
    }

    @Test
    void theCloudJourneyMovesForwardStepByStep() {
        setup(SetupStatus.PENDING, RunMode.CLOUD, null);

        apply(new StatusEvent.NodeProvisioning(UUID.randomUUID(), id, at(), "node-1", "gke"));
        assertThat(stored().status()).isEqualTo(SetupStatus.PROVISIONING);
        assertThat(store.nodes.get(id).nodeName()).isEqualTo("node-1");
        assertThat(store.nodes.get(id).status()).isEqualTo(NodeStatus.PROVISIONING);

        apply(new StatusEvent.NodeProvisioned(UUID.randomUUID(), id, at(), "node-1", "gke", "KEY", "http://rpc",
                "tcp://p2p", "grpc", null, 5));
        assertThat(stored().status()).isEqualTo(SetupStatus.READY_FOR_CHAIN_TX);
        assertThat(stored().consensusPubkey()).isEqualTo("KEY");
        assertThat(store.nodes.get(id).status()).isEqualTo(NodeStatus.RUNNING);

        apply(new StatusEvent.TxSubmitted(UUID.randomUUID(), id, at(), "omnivaloper1x", "HASH"));
        assertThat(stored().status()).isEqualTo(SetupStatus.TX_SUBMITTED);
        assertThat(stored().txHash()).isEqualTo("HASH");
        assertThat(stored().operatorAddress()).isEqualTo("omnivaloper1x");
        assertThat(stored().completedAt()).isNull();

        apply(new StatusEvent.ValidatorState(UUID.randomUUID(), id, at(), "omnivaloper1x", true, 10L, false));
        assertThat(stored().status()).isEqualTo(SetupStatus.ACTIVE);
        assertThat(stored().completedAt()).isEqualTo(NOW);
        assertThat(store.chain.get(id).votingPower()).isEqualTo(10);
    }

    @Test
    void anUnknownSetupIsLeftAlone() {
        // duplicates never reach the projection: the consumer's inbox (commons ConsumeOnceTest) drops them
        setup(SetupStatus.PENDING, RunMode.CLOUD, null);

        assertThat(apply(new StatusEvent.NodeProvisioning(UUID.randomUUID(), id, at(), "n", "gke"))).isTrue();
        assertThat(apply(new StatusEvent.NodeStopping(UUID.randomUUID(), UUID.randomUUID(), at()))).isFalse();
        assertThat(store.updates).isEqualTo(1);
    }

    @Test
    void aLateEventNeverMovesASetupBackwards() {
        setup(SetupStatus.TX_SUBMITTED, RunMode.CLOUD, "KEY");

        apply(new StatusEvent.NodeProvisioning(UUID.randomUUID(), id, at(), "n", "gke"));

        assertThat(stored().status()).isEqualTo(SetupStatus.TX_SUBMITTED);
    }

    @Test
    void anOlderNodeEventDoesNotOverwriteANewerOne() {
        setup(SetupStatus.ACTIVE, RunMode.CLOUD, "KEY");
        Instant late = at();
        Instant early = late.minusSeconds(30);

        apply(new StatusEvent.NodeHealth(UUID.randomUUID(), id, late, NodeStatus.UNHEALTHY, 90, late));
        apply(new StatusEvent.NodeHealth(UUID.randomUUID(), id, early, NodeStatus.RUNNING, 80, early));

        assertThat(store.nodes.get(id).status()).isEqualTo(NodeStatus.UNHEALTHY);
        assertThat(store.nodes.get(id).lastBlockHeight()).isEqualTo(90L);
    }

    @Test
    void aFailedTxSendsTheSetupBackToBeSignedWithTheReason() {
        setup(SetupStatus.TX_SUBMITTED, RunMode.CLOUD, "KEY");

        apply(new StatusEvent.TxFailed(UUID.randomUUID(), id, at(), "HASH", "out of gas"));

        assertThat(stored().status()).isEqualTo(SetupStatus.READY_FOR_CHAIN_TX);
        assertThat(stored().failureReason()).isEqualTo("Transaction HASH failed: out of gas");
    }

    @Test
    void aFailedUnjailKeepsTheValidatorInactiveUntilItIsBackInTheActiveSet() {
        setup(SetupStatus.ACTIVE, RunMode.CLOUD, "KEY");

        apply(new StatusEvent.ValidatorState(UUID.randomUUID(), id, at(), "omnivaloper1x", false, 0L, true));
        assertThat(stored().status()).isEqualTo(SetupStatus.INACTIVE);

        apply(new StatusEvent.TxFailed(UUID.randomUUID(), id, at(), "U1", "too early"));
        assertThat(stored().status()).isEqualTo(SetupStatus.INACTIVE);
        assertThat(stored().failureReason()).startsWith("Unjail transaction U1 failed: too early.")
                .contains("still jailed");

        apply(new StatusEvent.ValidatorState(UUID.randomUUID(), id, at(), null, true, 10L, false));
        assertThat(stored().status()).isEqualTo(SetupStatus.ACTIVE);
        assertThat(stored().failureReason()).isNull();
    }

    @Test
    void aStoppingSetupKeepsANodeFailureAndEndsStopped() {
        setup(SetupStatus.PROVISIONING, RunMode.CLOUD, null);

        apply(new StatusEvent.NodeStopping(UUID.randomUUID(), id, at()));
        apply(new StatusEvent.NodeFailed(UUID.randomUUID(), id, at(), "image pull"));
        assertThat(stored().status()).isEqualTo(SetupStatus.STOPPING);
        assertThat(stored().failureReason()).isEqualTo("image pull");

        apply(new StatusEvent.NodeStopped(UUID.randomUUID(), id, at()));
        assertThat(stored().status()).isEqualTo(SetupStatus.STOPPED);
        assertThat(stored().completedAt()).isEqualTo(NOW);

        apply(new StatusEvent.ValidatorState(UUID.randomUUID(), id, at(), "v", true, 1L, false));
        assertThat(stored().status()).isEqualTo(SetupStatus.STOPPED);
    }

    @Test
    void aNodeFailureOutsideAStopFailsTheSetup() {
        setup(SetupStatus.PROVISIONING, RunMode.CLOUD, null);

        apply(new StatusEvent.NodeFailed(UUID.randomUUID(), id, at(), "crash loop"));

        assertThat(stored().status()).isEqualTo(SetupStatus.FAILED);
        assertThat(stored().failureReason()).isEqualTo("crash loop");
        assertThat(store.nodes.get(id).status()).isEqualTo(NodeStatus.FAILED);
    }

    @Test
    void aNodeStoppedWithoutAStopRequestDoesNotStopTheSetup() {
        setup(SetupStatus.ACTIVE, RunMode.CLOUD, "KEY");

        apply(new StatusEvent.NodeStopped(UUID.randomUUID(), id, at()));

        assertThat(stored().status()).isEqualTo(SetupStatus.ACTIVE);
        assertThat(store.nodes.get(id).status()).isEqualTo(NodeStatus.STOPPED);
    }

    @Test
    void onlyTheLinkedKeysFirstHeartbeatMovesALocalSetup() {
        setup(SetupStatus.PENDING, RunMode.LOCAL, "LINKED");

        apply(new StatusEvent.HeartbeatFirstSeen(UUID.randomUUID(), id, at(), "OTHER", 3, 26657, 26656));
        assertThat(stored().status()).isEqualTo(SetupStatus.PENDING);
        assertThat(store.nodes).doesNotContainKey(id);

        apply(new StatusEvent.HeartbeatFirstSeen(UUID.randomUUID(), id, at(), "LINKED", 3, 26657, 26656));
        assertThat(stored().status()).isEqualTo(SetupStatus.READY_FOR_CHAIN_TX);
        assertThat(store.nodes.get(id).rpcEndpoint()).isEqualTo("http://127.0.0.1:26657");
        assertThat(store.nodes.get(id).provider()).isEqualTo("local");
    }

    @Test
    void heartbeatLivenessMarksTheNodeUnhealthyAndBackWithoutMovingTheSetup() {
        setup(SetupStatus.ACTIVE, RunMode.LOCAL, "LINKED");

        apply(new StatusEvent.HeartbeatLiveness(UUID.randomUUID(), id, at(), true, 0));
        assertThat(store.nodes.get(id).status()).isEqualTo(NodeStatus.UNHEALTHY);
        assertThat(store.nodes.get(id).lastBlockHeight()).isNull();

        apply(new StatusEvent.HeartbeatLiveness(UUID.randomUUID(), id, at(), false, 42));
        assertThat(store.nodes.get(id).status()).isEqualTo(NodeStatus.RUNNING);
        assertThat(store.nodes.get(id).lastBlockHeight()).isEqualTo(42L);
        assertThat(stored().status()).isEqualTo(SetupStatus.ACTIVE);
    }

    /** The projection's part of the store port, in memory. */
    static final class MemoryStore implements SetupStore {
        final Map<UUID, SetupRequest> setups = new HashMap<>();
        final Map<UUID, ValidatorNode> nodes = new HashMap<>();
        final Map<UUID, Instant> nodeEventAt = new HashMap<>();
        final Map<UUID, ChainInfo> chain = new HashMap<>();
        final Map<UUID, Instant> chainEventAt = new HashMap<>();
        int updates;

        @Override
        public Uni<Void> insert(SetupRequest setup) {
            setups.put(setup.id(), setup);
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<SetupRequest> lock(UUID id) {
            return Uni.createFrom().item(setups.get(id));
        }

        @Override
        public Uni<Void> update(SetupRequest setup) {
            updates++;
            setups.put(setup.id(), setup);
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Boolean> hasLiveSetup(String walletAddress) {
            throw new UnsupportedOperationException("not used by the projection");
        }

        @Override
        public Uni<Boolean> keyLinkedElsewhere(String consensusPubkey, UUID setupId) {
            throw new UnsupportedOperationException("not used by the projection");
        }

        @Override
        public Uni<Void> linkKey(SetupRequest setup) {
            throw new UnsupportedOperationException("not used by the projection");
        }

        @Override
        public Uni<ValidatorNode> node(UUID setupRequestId) {
            return Uni.createFrom().item(nodes.get(setupRequestId));
        }

        @Override
        public Uni<Void> saveNode(ValidatorNode node, Instant eventAt) {
            nodes.put(node.setupRequestId(), node);
            nodeEventAt.put(node.setupRequestId(), eventAt);
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Instant> lastNodeEventAt(UUID setupRequestId) {
            return Uni.createFrom().item(nodeEventAt.get(setupRequestId));
        }

        @Override
        public Uni<ChainInfo> chainInfo(UUID setupRequestId) {
            return Uni.createFrom().item(chain.get(setupRequestId));
        }

        @Override
        public Uni<Void> saveChainInfo(UUID setupRequestId, ChainInfo info, Instant eventAt) {
            chain.put(setupRequestId, info);
            chainEventAt.put(setupRequestId, eventAt);
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Instant> lastChainEventAt(UUID setupRequestId) {
            return Uni.createFrom().item(chainEventAt.get(setupRequestId));
        }
    }
}
