package network.omniphi.provisioning.infra.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.vertx.mutiny.sqlclient.Tuple;

import network.omniphi.commons.events.EventMetas;
import network.omniphi.proto.events.v1.NodeEvent;
import network.omniphi.proto.events.v1.RunMode;
import network.omniphi.proto.events.v1.StopRequested;
import network.omniphi.provisioning.FakeChain;
import network.omniphi.provisioning.KafkaAssignment;
import network.omniphi.provisioning.NodeEventLog;
import network.omniphi.provisioning.domain.LeaderGate;
import network.omniphi.provisioning.domain.NodeNames;
import network.omniphi.provisioning.domain.NodeStatus;
import network.omniphi.provisioning.domain.ValidatorNode;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeResource;
import network.omniphi.testsupport.KafkaTopicReader;

/**
 * A stop accepted in any state ends in {@code stopped} with no pod left (issue 14 item 1): the setup and stop commands
 * travel on different topics, so the provisioner may see the stop before, during or after provisioning, twice, or
 * across a restart of the provisioner. Real Kafka and PostgreSQL, the fabric8 mock API server in CRUD mode. Each
 * test runs its reconcile passes itself (a fresh reconciler that leads, as a restarted provisioner would); the
 * application's own loop steps down, so there is one reconciler at a time as in production.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = ServerSideApply.class)
@QuarkusTestResource(FakeChain.class)
@TestProfile(KubernetesReconcilerTest.Profile.class)
class KubernetesStopRaceTest extends KubernetesScenario {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    LeaderGate applicationLeader;

    private static boolean consuming;

    /**
     * Once: the consumers read, and the application's own loop steps down for good (its lease released), so the
     * test's passes are the only reconciler, as the lease guarantees in production.
     */
    @BeforeEach
    void consuming() {
        if (!consuming) {
            awaitConsuming();
            ((KubernetesLeaseGate) ClientProxy.unwrap(applicationLeader)).close();
            consuming = true;
        }
    }

    @Test
    void aStopBeforeTheSetupRequestEndsStoppedAndNoNodeIsEverCreated() {
        String setupId = UUID.randomUUID().toString();
        String name = NodeNames.nodeName(setupId);

        String stopEvent = sendStop(setupId);
        awaitProcessed(stopEvent);
        String setupEvent = sendSetup(setupId);
        awaitProcessed(setupEvent);
        reconcileOnce();
        reconcileOnce();

        assertThat(store.node(setupId)).satisfies(node -> {
            assertThat(node.status()).isEqualTo(NodeStatus.STOPPED);
            assertThat(node.desiredRunning()).isFalse();
        });
        assertThat(client.resources(ValidatorNodeResource.class).inNamespace(NS).withName(name).get())
                .as("no ValidatorNode for a setup stopped before its request arrived").isNull();
        assertThat(statefulSet(name)).as("no StatefulSet either").isNull();
        NodeEventLog.awaitRelayed(pool, setupId);
        assertThat(NodeEventLog.decided(pool, setupId)).extracting(NodeEvent::getPayloadCase)
                .containsExactly(NodeEvent.PayloadCase.STOPPED);
        events().awaitFirst(setupId, NodeEvent.PayloadCase.STOPPED, PATIENCE);
    }

    @Test
    void setupsStoppedRightAfterTheyWereRequestedAllEndStoppedWithNoPod() {
        List<String> setups = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String setupId = UUID.randomUUID().toString();
            setups.add(setupId);
            sendSetup(setupId);
            sendStop(setupId);
        }
        for (String setupId : setups) {
            String name = NodeNames.nodeName(setupId);
            await().atMost(PATIENCE).until(() -> {
                reconcileOnce();
                // the StatefulSet controller (absent from the mock API server) removes the pod of a scaled-down set
                StatefulSet sts = statefulSet(name);
                if (sts != null && sts.getSpec().getReplicas() == 0) {
                    client.pods().inNamespace(NS).withName(name + "-node-0").delete();
                }
                ValidatorNode node = store.node(setupId);
                return node != null && node.status() == NodeStatus.STOPPED;
            });
            StatefulSet sts = statefulSet(name);
            assertThat(sts == null || sts.getSpec().getReplicas() == 0).as("no replica for %s", name).isTrue();
            assertThat(store.node(setupId).desiredRunning()).isFalse();
            NodeEventLog.awaitRelayed(pool, setupId);
            List<NodeEvent.PayloadCase> decided = NodeEventLog.decided(pool, setupId).stream()
                    .map(NodeEvent::getPayloadCase).toList();
            assertThat(decided).as("events of %s", setupId).endsWith(NodeEvent.PayloadCase.STOPPED)
                    .containsOnlyOnce(NodeEvent.PayloadCase.STOPPED)
                    .doesNotContain(NodeEvent.PayloadCase.PROVISIONED, NodeEvent.PayloadCase.FAILED);
        }
        long stsBefore = setups.stream().filter(id -> statefulSet(NodeNames.nodeName(id)) != null).count();
        reconcileOnce();
        assertThat(setups.stream().filter(id -> statefulSet(NodeNames.nodeName(id)) != null).count())
                .as("a later pass creates nothing for a stopped setup").isEqualTo(stsBefore);
    }

    @Test
    void aStopDuringProvisioningScalesTheNodeDownAndASecondStopChangesNothing() {
        String setupId = UUID.randomUUID().toString();
        String name = NodeNames.nodeName(setupId);
        sendSetup(setupId);
        await().atMost(PATIENCE).until(() -> {
            reconcileOnce();
            return statefulSet(name) != null;
        });
        NodePods.report(client, NS, name, NodePods.creating(config.kubernetes().image().orElseThrow()));
        reconcileOnce();
        assertThat(store.node(setupId).status()).isEqualTo(NodeStatus.PROVISIONING);

        String first = sendStop(setupId);
        awaitProcessed(first);
        await().atMost(PATIENCE).until(() -> {
            reconcileOnce();
            return statefulSet(name).getSpec().getReplicas() == 0;
        });
        assertThat(store.node(setupId).status()).as("stopping until the pod is gone").isEqualTo(NodeStatus.STOPPING);
        client.pods().inNamespace(NS).withName(name + "-node-0").delete();
        await().atMost(PATIENCE).until(() -> {
            reconcileOnce();
            return store.node(setupId).status() == NodeStatus.STOPPED;
        });

        String second = sendStop(setupId);
        awaitProcessed(second);
        List<String> versions = ClusterState.resourceVersions(client, NS, name);
        assertThat(reconcileOnce()).as("a stopped node is not reconciled").isZero();
        assertThat(ClusterState.resourceVersions(client, NS, name)).isEqualTo(versions);
        NodeEventLog.awaitRelayed(pool, setupId);
        assertThat(NodeEventLog.decided(pool, setupId)).extracting(NodeEvent::getPayloadCase).containsExactly(
                NodeEvent.PayloadCase.PROVISIONING, NodeEvent.PayloadCase.STOPPING, NodeEvent.PayloadCase.STOPPED);
        ClusterState.assertOneNodeKept(client, NS, setupId, name);
        assertThat(ClusterState.status(client, NS, name).phase).isEqualTo("stopped");
    }

    @Test
    void aStopAfterProvisioningStopsTheRunningNodeOnce() {
        String setupId = UUID.randomUUID().toString();
        String name = NodeNames.nodeName(setupId);
        sendSetup(setupId);
        await().atMost(PATIENCE).until(() -> {
            reconcileOnce();
            return statefulSet(name) != null;
        });
        NodePods.report(client, NS, name, NodePods.ready(config.kubernetes().image().orElseThrow()));
        await().atMost(PATIENCE).until(() -> {
            reconcileOnce();
            return store.node(setupId).status() == NodeStatus.RUNNING;
        });

        sendStop(setupId);
        sendStop(setupId);
        await().atMost(PATIENCE).until(() -> {
            reconcileOnce();
            StatefulSet sts = statefulSet(name);
            if (sts.getSpec().getReplicas() == 0) {
                client.pods().inNamespace(NS).withName(name + "-node-0").delete();
            }
            return store.node(setupId).status() == NodeStatus.STOPPED;
        });
        NodeEventLog.awaitRelayed(pool, setupId);
        assertThat(NodeEventLog.decided(pool, setupId)).extracting(NodeEvent::getPayloadCase).containsExactly(
                NodeEvent.PayloadCase.PROVISIONING, NodeEvent.PayloadCase.PROVISIONED,
                NodeEvent.PayloadCase.STOPPING, NodeEvent.PayloadCase.STOPPED);
        assertThat(client.pods().inNamespace(NS).withName(name + "-node-0").get()).isNull();
    }

    @Test
    void aStopWhileTheProvisionerRestartsIsCarriedOutByTheNextInstance() {
        String setupId = UUID.randomUUID().toString();
        String name = NodeNames.nodeName(setupId);
        sendSetup(setupId);
        await().atMost(PATIENCE).until(() -> {
            reconcileOnce();
            return statefulSet(name) != null;
        });
        NodePods.report(client, NS, name, NodePods.creating(config.kubernetes().image().orElseThrow()));
        // the provisioner dies here: the stop is consumed and stored while no reconciler runs
        StopRequested stop = stop(setupId);
        KafkaTopicReader.send(KafkaAssignment.STOP_TOPIC, setupId, stop.toByteArray());
        awaitProcessed(stop.getMeta().getEventId());
        assertThat(statefulSet(name).getSpec().getReplicas()).as("nothing acted yet").isEqualTo(1);

        // the next instance starts, and Kafka hands it the uncommitted stop again (same id and a retry with a new id)
        KafkaTopicReader.send(KafkaAssignment.STOP_TOPIC, setupId, stop.toByteArray());
        awaitProcessed(sendStop(setupId));
        await().atMost(PATIENCE).until(() -> {
            reconcileOnce();
            StatefulSet sts = statefulSet(name);
            if (sts.getSpec().getReplicas() == 0) {
                client.pods().inNamespace(NS).withName(name + "-node-0").delete();
            }
            return store.node(setupId).status() == NodeStatus.STOPPED;
        });
        NodeEventLog.awaitRelayed(pool, setupId);
        assertThat(NodeEventLog.decided(pool, setupId)).extracting(NodeEvent::getPayloadCase).containsExactly(
                NodeEvent.PayloadCase.PROVISIONING, NodeEvent.PayloadCase.STOPPING, NodeEvent.PayloadCase.STOPPED);
        ClusterState.assertOneNodeKept(client, NS, setupId, name);
    }

    private StatefulSet statefulSet(String name) {
        return client.apps().statefulSets().inNamespace(NS).withName(name + "-node").get();
    }

    private static String sendSetup(String setupId) {
        var request = KubernetesReconcilerTest.setup(setupId, UUID.randomUUID());
        KafkaTopicReader.send(KafkaAssignment.SETUP_TOPIC, setupId, request.toByteArray());
        return request.getMeta().getEventId();
    }

    private static String sendStop(String setupId) {
        StopRequested stop = stop(setupId);
        KafkaTopicReader.send(KafkaAssignment.STOP_TOPIC, setupId, stop.toByteArray());
        return stop.getMeta().getEventId();
    }

    private static StopRequested stop(String setupId) {
        return StopRequested.newBuilder().setMeta(EventMetas.create(UUID.randomUUID(), setupId, "test", Instant.now()))
                .setSetupRequestId(setupId).setRunMode(RunMode.RUN_MODE_CLOUD).setProvider("omniphi_cloud").build();
    }

    private void awaitProcessed(String eventId) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> pool
                .preparedQuery("SELECT count(*) FROM processed_events WHERE event_id = $1")
                .execute(Tuple.of(UUID.fromString(eventId))).await().atMost(Duration.ofSeconds(10)).iterator()
                .next().getLong(0) == 1);
    }
}
