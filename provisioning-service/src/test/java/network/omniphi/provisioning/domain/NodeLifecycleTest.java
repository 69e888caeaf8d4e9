package network.omniphi.provisioning.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/**
 * The node state machine: failures while provisioning, the deadline and the reasons it gives; scaling a failed node
 * down; a provisioned node whose workload fails is unhealthy, never failed.
 */
class NodeLifecycleTest {

    private static final Instant CREATED = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final Instant LATE = CREATED.plus(TIMEOUT).plusSeconds(1);
    private static final String PUBKEY = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";
    private static final RuntimeReport READY = new RuntimeReport(RuntimeReport.State.READY,
            new Endpoints("http://rpc:26657", "p2p:26656", "rpc:9090"), "http://rpc:26657", null);

    private final NodeLifecycle lifecycle = new NodeLifecycle(TIMEOUT, Duration.ofSeconds(5));
    private final ValidatorNode node = ValidatorNode.requested("s-1", "alice", "omniphi-devnet-1", "omniphi_cloud",
            CREATED);

    @Test
    void aRuntimeFailureFailsTheNodeAtOnceWithTheRuntimesReason() {
        Optional<Transition> t = lifecycle.whileRunning(node, RuntimeReport.failed("cannot pull image x"),
                Optional.empty(), OptionalLong.of(100), CREATED.plusSeconds(1));

        assertThat(t).contains(Transition.of(node.failed("cannot pull image x"),
                new NodeChange.Failed("cannot pull image x")));
    }

    @Test
    void aFailedNodeIsSettledAndNeverFailsASecondTime() {
        ValidatorNode failed = node.failed("cannot pull image x");

        assertThat(lifecycle.whileRunning(failed, RuntimeReport.failed("cannot pull image x"), Optional.empty(),
                OptionalLong.of(100), LATE)).isEmpty();
    }

    @Test
    void beforeTheDeadlineAWaitingNodeChangesNothing() {
        assertThat(lifecycle.whileRunning(node, RuntimeReport.starting("pod not created yet"), Optional.empty(),
                OptionalLong.of(100), CREATED.plus(TIMEOUT))).isEmpty();
        assertThat(lifecycle.whileRunning(node, READY, Optional.empty(), OptionalLong.of(100),
                CREATED.plus(TIMEOUT))).isEmpty();
    }

    @Test
    void afterTheDeadlineANodeThatNeverGotReadyFailsSayingWhatItWaitedFor() {
        assertThat(failure(RuntimeReport.starting("pod not scheduled: Unschedulable"), Optional.empty(),
                OptionalLong.of(100)))
                .isEqualTo("provisioning timed out after 600s: node not ready (pod not scheduled: Unschedulable)");
    }

    @Test
    void afterTheDeadlineAReadyNodeWithoutStatusFailsBecauseItsKeyIsUnknown() {
        assertThat(failure(READY, Optional.empty(), OptionalLong.of(100)))
                .isEqualTo("provisioning timed out after 600s: node /status unreachable, consensus public key unknown");
    }

    @Test
    void afterTheDeadlineANodeBehindTheChainFailsWithBothHeights() {
        assertThat(failure(READY, Optional.of(new StatusReading(PUBKEY, 40, true)), OptionalLong.of(100)))
                .isEqualTo("provisioning timed out after 600s: node still catching up (height 40, chain at 100)");
        assertThat(failure(READY, Optional.of(new StatusReading(PUBKEY, 40, false)), OptionalLong.empty()))
                .isEqualTo("provisioning timed out after 600s: reference node unreachable, chain height unknown");
    }

    @Test
    void aNodeThatCatchesUpJustAfterTheDeadlineIsStillProvisioned() {
        Optional<Transition> t = lifecycle.whileRunning(node, READY,
                Optional.of(new StatusReading(PUBKEY, 99, false)), OptionalLong.of(100), LATE);

        assertThat(t).map(Transition::changes).contains(java.util.List.of(
                new NodeChange.Provisioned(PUBKEY, READY.endpoints(), 99)));
    }

    @Test
    void aFailedNodeIsHaltedOnceItsWorkloadIsGoneAnnouncingNothingMore() {
        ValidatorNode failed = node.failed("cannot pull image x");

        assertThat(lifecycle.whileHalting(failed, RuntimeReport.starting("pod terminating")))
                .as("scaled to zero, pod still terminating").isEmpty();
        Transition halted = lifecycle.whileHalting(failed, RuntimeReport.stopped()).orElseThrow();

        assertThat(halted.changes()).isEmpty();
        assertThat(halted.node()).isEqualTo(failed.halted());
        assertThat(halted.node().desiredRunning()).isFalse();
        assertThat(halted.node().status()).isEqualTo(NodeStatus.FAILED);
        assertThat(halted.node().failureReason()).isEqualTo("cannot pull image x");
        assertThat(lifecycle.whileHalting(halted.node(), RuntimeReport.stopped())).isEmpty();
        assertThat(lifecycle.whileHalting(node, RuntimeReport.stopped())).as("not failed").isEmpty();
    }

    @Test
    void aProvisionedNodeWhoseWorkloadFailsIsUnhealthyWithTheRuntimesDetailNotFailed() {
        ValidatorNode running = node.provisioned(PUBKEY, READY.endpoints(), 99, CREATED.plusSeconds(30));
        String crashing = "container node keeps crashing: 5 restarts, last exit code 137 (OOMKilled)";
        Instant now = LATE.plusSeconds(60);

        Transition t = lifecycle.whileRunning(running, RuntimeReport.failed(crashing), Optional.empty(),
                OptionalLong.of(100), now).orElseThrow();

        assertThat(t.node().status()).isEqualTo(NodeStatus.UNHEALTHY);
        assertThat(t.node().failureReason()).isNull();
        assertThat(t.node().consensusPubkey()).isEqualTo(PUBKEY);
        assertThat(t.changes()).containsExactly(new NodeChange.HealthChanged(NodeStatus.UNHEALTHY, 99, true, now,
                crashing));
        assertThat(lifecycle.whileRunning(t.node(), RuntimeReport.failed(crashing), Optional.empty(),
                OptionalLong.of(100), now.plusSeconds(1))).as("no second event while it stays unhealthy").isEmpty();

        Transition recovered = lifecycle.whileRunning(t.node(), READY,
                Optional.of(new StatusReading(PUBKEY, 100, false)), OptionalLong.of(100), now.plusSeconds(2))
                .orElseThrow();
        assertThat(recovered.node().status()).isEqualTo(NodeStatus.RUNNING);
        assertThat(recovered.changes()).singleElement().isInstanceOfSatisfying(NodeChange.HealthChanged.class,
                h -> assertThat(h.status()).isEqualTo(NodeStatus.RUNNING));
    }

    @Test
    void aProvisionedNodeWaitingToRestartIsUnhealthySayingWhatItWaitsFor() {
        ValidatorNode running = node.provisioned(PUBKEY, READY.endpoints(), 99, CREATED.plusSeconds(30));

        Transition t = lifecycle.whileRunning(running,
                RuntimeReport.starting("container node waiting: CrashLoopBackOff after 2 restarts"), Optional.empty(),
                OptionalLong.of(100), LATE).orElseThrow();

        assertThat(t.changes()).singleElement().isInstanceOfSatisfying(NodeChange.HealthChanged.class,
                h -> assertThat(h.detail()).isEqualTo("container node waiting: CrashLoopBackOff after 2 restarts"));
    }

    private String failure(RuntimeReport report, Optional<StatusReading> reading, OptionalLong reference) {
        Transition t = lifecycle.whileRunning(node, report, reading, reference, LATE).orElseThrow();
        assertThat(t.node().status()).isEqualTo(NodeStatus.FAILED);
        assertThat(t.changes()).singleElement().isInstanceOf(NodeChange.Failed.class);
        assertThat(t.node().failureReason()).isEqualTo(((NodeChange.Failed) t.changes().get(0)).reason());
        return t.node().failureReason();
    }

    @Test
    void aStopBeforeTheSetupRequestIsAStoppedRecordThatNeverRunsAndAnnouncesStopped() {
        Transition t = lifecycle.stopBeforeProvisioning("s-2", "omniphi-devnet-1", "omniphi_cloud", CREATED);

        assertThat(t.node()).isEqualTo(new ValidatorNode("s-2", NodeNames.nodeName("s-2"), "", "omniphi-devnet-1",
                "omniphi_cloud", false, NodeStatus.STOPPED, null, Endpoints.NONE, 0, null, null, CREATED, 0));
        assertThat(t.changes()).containsExactly(new NodeChange.Stopped());
        assertThat(lifecycle.stopRequested(t.node())).as("a second stop changes nothing").isEmpty();
    }

    @Test
    void everyLiveStateIncludingFailedGoesToStoppingOnceOnAStop() {
        for (ValidatorNode live : new ValidatorNode[]{node, node.provisioned(PUBKEY, READY.endpoints(), 10, CREATED),
                node.failed("crash loop"), node.failed("crash loop").halted()}) {
            Transition t = lifecycle.stopRequested(live).orElseThrow();
            assertThat(t.node().status()).isEqualTo(NodeStatus.STOPPING);
            assertThat(t.node().desiredRunning()).isFalse();
            assertThat(t.changes()).containsExactly(new NodeChange.Stopping());
            assertThat(lifecycle.stopRequested(t.node())).isEmpty();
        }
    }

    @Test
    void anAnnouncementRepeatsTheCurrentStateAndChangesNothing() {
        ValidatorNode running = node.provisioned(PUBKEY, READY.endpoints(), 10, CREATED);
        assertThat(lifecycle.announcement(node).changes()).containsExactly(new NodeChange.Provisioning());
        assertThat(lifecycle.announcement(running)).isEqualTo(Transition.of(running,
                new NodeChange.Provisioned(PUBKEY, READY.endpoints(), 10)));
        ValidatorNode unhealthy = running.checked(NodeStatus.UNHEALTHY, 12, CREATED.plusSeconds(5));
        assertThat(lifecycle.announcement(unhealthy).changes()).containsExactly(
                new NodeChange.Provisioned(PUBKEY, READY.endpoints(), 12),
                new NodeChange.HealthChanged(NodeStatus.UNHEALTHY, 12, false, CREATED.plusSeconds(5),
                        "as last checked"));
        assertThat(lifecycle.announcement(node.stopRequested()).changes()).containsExactly(new NodeChange.Stopping());
        assertThat(lifecycle.announcement(node.stopRequested().withStatus(NodeStatus.STOPPED)).changes())
                .containsExactly(new NodeChange.Stopped());
        assertThat(lifecycle.announcement(node.failed("crash loop")).changes())
                .containsExactly(new NodeChange.Failed("crash loop"));
    }
}
