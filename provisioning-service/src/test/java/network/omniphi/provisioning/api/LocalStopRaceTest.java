package network.omniphi.provisioning.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import network.omniphi.commons.events.EventMetas;
import network.omniphi.proto.events.v1.NodeEvent;
import network.omniphi.proto.events.v1.RunMode;
import network.omniphi.proto.events.v1.SetupRequested;
import network.omniphi.proto.events.v1.StopRequested;
import network.omniphi.provisioning.FakeChain;
import network.omniphi.provisioning.KafkaAssignment;
import network.omniphi.provisioning.NodeEventLog;
import network.omniphi.provisioning.domain.NodeNames;
import network.omniphi.provisioning.domain.NodeStatus;
import network.omniphi.provisioning.infra.local.LocalProcess;
import network.omniphi.provisioning.infra.local.PgLocalProcesses;
import network.omniphi.provisioning.infra.persistence.BlockingNodeRecords;
import network.omniphi.provisioning.infra.reconcile.ReconcileLoop;
import network.omniphi.testsupport.KafkaTopicReader;

/**
 * The local process runtime (the dev stack's) with real node processes: a stop accepted before, right after or while
 * a node is provisioned ends in {@code stopped}, and no node process is left running or started later (issue 14
 * item 1: the stop used to be ignored when it overtook the setup request, and the node was created anyway).
 */
@QuarkusTest
@TestProfile(LocalRuntimeFlowTest.LocalRuntime.class)
@QuarkusTestResource(FakeChain.class)
class LocalStopRaceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static NodeEventLog events;

    @Inject
    PgLocalProcesses processes;
    @Inject
    BlockingNodeRecords store;
    @Inject
    ReconcileLoop loop;
    @Inject
    Pool pool;

    @BeforeAll
    static void reader() {
        events = new NodeEventLog();
    }

    @AfterAll
    static void close() {
        events.close();
    }

    private static boolean consuming;

    @BeforeEach
    void consuming() {
        if (!consuming) {
            KafkaAssignment.awaitConsuming(pool);
            consuming = true;
        }
    }

    @Test
    void aStopBeforeTheSetupRequestStartsNoProcessAtAll() {
        String setupId = UUID.randomUUID().toString();
        awaitProcessed(sendStop(setupId));
        awaitProcessed(sendSetup(setupId));
        loop.runIfLeader();

        events.awaitFirst(setupId, NodeEvent.PayloadCase.STOPPED, PATIENCE);
        assertThat(store.node(setupId).status()).isEqualTo(NodeStatus.STOPPED);
        assertThat(processes.find(NodeNames.nodeName(setupId))).as("no process was ever started").isEmpty();
        assertThat(events.published(setupId)).extracting(NodeEvent::getPayloadCase)
                .containsExactly(NodeEvent.PayloadCase.STOPPED);
    }

    @Test
    void aStopRightAfterTheSetupRequestEndsStoppedWithTheProcessGone() {
        String setupId = UUID.randomUUID().toString();
        sendSetup(setupId);
        sendStop(setupId);
        assertStoppedAndGone(setupId);
    }

    @Test
    void aStopWhileTheNodeProvisionsEndsStoppedWithTheProcessGone() {
        String setupId = UUID.randomUUID().toString();
        sendSetup(setupId);
        long pid = await().atMost(PATIENCE).until(() -> processes.find(NodeNames.nodeName(setupId))
                .map(LocalProcess::pid), Optional::isPresent).orElseThrow();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);
        sendStop(setupId);
        assertStoppedAndGone(setupId);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("the node process ended")
                .isFalse();
        assertThat(events.published(setupId)).extracting(NodeEvent::getPayloadCase)
                .startsWith(NodeEvent.PayloadCase.PROVISIONING)
                .endsWith(NodeEvent.PayloadCase.STOPPING, NodeEvent.PayloadCase.STOPPED);
    }

    private void assertStoppedAndGone(String setupId) {
        String name = NodeNames.nodeName(setupId);
        events.awaitFirst(setupId, NodeEvent.PayloadCase.STOPPED, PATIENCE);
        assertThat(store.node(setupId)).satisfies(node -> {
            assertThat(node.status()).isEqualTo(NodeStatus.STOPPED);
            assertThat(node.desiredRunning()).isFalse();
        });
        await().atMost(Duration.ofSeconds(15)).until(() -> !running(name));
        loop.runIfLeader();
        assertThat(running(name)).as("a later pass starts nothing for a stopped node").isFalse();
        List<NodeEvent.PayloadCase> kinds = events.published(setupId).stream().map(NodeEvent::getPayloadCase)
                .toList();
        assertThat(kinds).containsOnlyOnce(NodeEvent.PayloadCase.STOPPED)
                .doesNotContain(NodeEvent.PayloadCase.FAILED);
    }

    /** Whether a node process of this node is alive (its row's pid, if any). */
    private boolean running(String nodeName) {
        Optional<LocalProcess> process = processes.find(nodeName);
        return process.map(LocalProcess::pid).flatMap(ProcessHandle::of).map(ProcessHandle::isAlive)
                .orElse(false);
    }

    private static String sendSetup(String setupId) {
        SetupRequested request = SetupRequested.newBuilder()
                .setMeta(EventMetas.create(UUID.randomUUID(), setupId, "test", Instant.now()))
                .setSetupRequestId(setupId).setWalletAddress("omni1test").setValidatorName("alice")
                .setCommissionRate("0.100000000000000000").setRunMode(RunMode.RUN_MODE_CLOUD)
                .setProvider("omniphi_cloud").setChainId("omniphi-devnet-1").build();
        KafkaTopicReader.send(KafkaAssignment.SETUP_TOPIC, setupId, request.toByteArray());
        return request.getMeta().getEventId();
    }

    private static String sendStop(String setupId) {
        StopRequested stop = StopRequested.newBuilder()
                .setMeta(EventMetas.create(UUID.randomUUID(), setupId, "test", Instant.now()))
                .setSetupRequestId(setupId).setRunMode(RunMode.RUN_MODE_CLOUD).setProvider("omniphi_cloud").build();
        KafkaTopicReader.send(KafkaAssignment.STOP_TOPIC, setupId, stop.toByteArray());
        return stop.getMeta().getEventId();
    }

    private void awaitProcessed(String eventId) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> pool
                .preparedQuery("SELECT count(*) FROM processed_events WHERE event_id = $1")
                .execute(Tuple.of(UUID.fromString(eventId))).await().atMost(Duration.ofSeconds(10)).iterator()
                .next().getLong(0) == 1);
    }
}
