package network.omniphi.provisioning.infra.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.vertx.mutiny.sqlclient.Tuple;

import network.omniphi.proto.events.v1.NodeEvent;
import network.omniphi.proto.events.v1.SetupRequested;
import network.omniphi.provisioning.FakeChain;
import network.omniphi.provisioning.KafkaAssignment;
import network.omniphi.provisioning.NodeEventLog;
import network.omniphi.provisioning.config.ProvisioningConfig;
import network.omniphi.provisioning.domain.LeaderGate;
import network.omniphi.provisioning.domain.NodeNames;
import network.omniphi.provisioning.domain.NodeRuntime;
import network.omniphi.provisioning.domain.NodeStatus;
import network.omniphi.provisioning.domain.ProvisioningException;
import network.omniphi.provisioning.domain.RuntimeReport;
import network.omniphi.provisioning.domain.ValidatorNode;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeResource;
import network.omniphi.provisioning.infra.reconcile.ReconcileLoop;
import network.omniphi.testsupport.KafkaTopicReader;

/**
 * The provisioner restarts in the middle of provisioning: the node's objects exist, its pod is not ready yet, and a
 * new instance (fresh reconciler, runtime and lease, same database and API server) takes over. When the pod becomes
 * ready the new instance announces the node exactly once; no second node or StatefulSet is ever made, also not when
 * Kafka hands the restarted instance the setup request again.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = ServerSideApply.class)
@QuarkusTestResource(FakeChain.class)
@TestProfile(KubernetesReconcilerTest.Profile.class)
class KubernetesRestartMidProvisionTest extends KubernetesScenario {

    @Inject
    LeaderGate applicationLeader;

    /** One provisioner instance: its own runtime (nothing in memory from before) and its own lease identity. */
    private record Instance(KubernetesNodeRuntime runtime, KubernetesLeaseGate lease, ReconcileLoop loop) {
    }

    @Test
    void aRestartedProvisionerFinishesTheNodeWithoutMakingASecondOne() {
        stepDownApplication();
        String setupId = UUID.randomUUID().toString();
        String name = NodeNames.nodeName(setupId);
        String image = config.kubernetes().image().orElseThrow();
        SetupRequested request = KubernetesReconcilerTest.setup(setupId, UUID.randomUUID());

        Instance before = start("before-restart");
        KafkaTopicReader.send(KafkaAssignment.SETUP_TOPIC, setupId, request.toByteArray());
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            before.loop().runIfLeader();
            return client.apps().statefulSets().inNamespace(NS).withName(name + "-node").get() != null;
        });
        NodePods.report(client, NS, name, NodePods.creating(image));
        before.loop().runIfLeader();
        assertThat(store.node(setupId).status()).isEqualTo(NodeStatus.PROVISIONING);
        before.lease().close();

        Instance after = start("after-restart");
        redeliver(setupId, request);
        after.loop().runIfLeader();
        assertThat(after.runtime().writes()).as("re-reconciling the unchanged node writes nothing").isZero();
        assertThat(store.node(setupId).status()).isEqualTo(NodeStatus.PROVISIONING);

        NodePods.report(client, NS, name, NodePods.ready(image));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            after.loop().runIfLeader();
            return store.node(setupId).status() == NodeStatus.RUNNING;
        });
        assertThat(after.runtime().writes()).as("only the custom resource status").isEqualTo(1);
        after.loop().runIfLeader();
        after.lease().close();

        NodeEventLog.awaitRelayed(pool, setupId);
        assertThat(NodeEventLog.decided(pool, setupId)).as("outbox").extracting(NodeEvent::getPayloadCase)
                .containsExactly(NodeEvent.PayloadCase.PROVISIONING, NodeEvent.PayloadCase.PROVISIONED);
        NodeEvent provisioned = events().awaitFirst(setupId, NodeEvent.PayloadCase.PROVISIONED);
        assertThat(provisioned.getProvisioned().getConsensusPubkey()).isEqualTo(FakeChain.NODE_PUBKEY);
        assertThat(events().publishedCount(setupId, NodeEvent.PayloadCase.PROVISIONED)).isEqualTo(1);
        assertThat(events().publishedCount(setupId, NodeEvent.PayloadCase.PROVISIONING)).isEqualTo(1);
        assertThat(client.apps().statefulSets().inNamespace(NS)
                .withLabel(NodeNames.LABEL_SETUP_ID, NodeNames.labelValue(setupId)).list().getItems()).hasSize(1);
        assertThat(client.resources(ValidatorNodeResource.class).inNamespace(NS)
                .withLabel(NodeNames.LABEL_SETUP_ID, NodeNames.labelValue(setupId)).list().getItems()).hasSize(1);
        assertThat(ClusterState.status(client, NS, name)).extracting(s -> s.phase, s -> s.consensusPubkey)
                .containsExactly("running", FakeChain.NODE_PUBKEY);
        ClusterState.assertOneNodeKept(client, NS, setupId, name);
    }

    @Test
    void aNodeThatFailedJustBeforeARestartIsScaledDownByTheNextInstanceAndNeverRunsAgain() {
        stepDownApplication();
        String setupId = UUID.randomUUID().toString();
        String name = NodeNames.nodeName(setupId);
        String image = config.kubernetes().image().orElseThrow();

        Instance before = start("before-restart", KilledBeforeScaleDown::new);
        KafkaTopicReader.send(KafkaAssignment.SETUP_TOPIC, setupId,
                KubernetesReconcilerTest.setup(setupId, UUID.randomUUID()).toByteArray());
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            before.loop().runIfLeader();
            return client.apps().statefulSets().inNamespace(NS).withName(name + "-node").get() != null;
        });
        NodePods.report(client, NS, name, NodePods.crashLoopBackOff(image, PodDiagnosis.CRASH_LOOP_RESTARTS));
        before.loop().runIfLeader();
        assertThat(store.node(setupId).status()).isEqualTo(NodeStatus.FAILED);
        assertThat(replicas(name)).as("the failure was stored, the scale-down never happened").isEqualTo(1);
        before.lease().close();

        Instance after = start("after-restart", runtime -> runtime);
        after.loop().runIfLeader();
        assertThat(replicas(name)).as("the next instance scales the failed node down").isZero();
        client.pods().inNamespace(NS).withName(name + "-node-0").delete();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            after.loop().runIfLeader();
            return !store.node(setupId).desiredRunning();
        });
        List<String> versions = ClusterState.resourceVersions(client, NS, name);
        after.loop().runIfLeader();
        after.lease().close();

        Instance third = start("second-restart", runtime -> runtime);
        third.loop().runIfLeader();
        third.lease().close();
        assertThat(ClusterState.resourceVersions(client, NS, name)).as("a halted node is left alone, also after a"
                + " restart").isEqualTo(versions);
        assertThat(replicas(name)).isZero();
        ValidatorNode node = store.node(setupId);
        ClusterState.assertOneNodeKept(client, NS, setupId, name);
        assertThat(ClusterState.status(client, NS, name)).extracting(s -> s.phase, s -> s.message)
                .containsExactly("failed", node.failureReason());
        NodeEventLog.awaitRelayed(pool, setupId);
        assertThat(NodeEventLog.decided(pool, setupId)).as("outbox").extracting(NodeEvent::getPayloadCase)
                .containsExactly(NodeEvent.PayloadCase.PROVISIONING, NodeEvent.PayloadCase.FAILED);
    }

    /**
     * The application's own loop steps down for good (its lease released): from here on explicitly built instances
     * play the provisioner before and after a restart, and the test runs their passes itself.
     */
    private void stepDownApplication() {
        awaitConsuming();
        ((KubernetesLeaseGate) ClientProxy.unwrap(applicationLeader)).close();
    }

    private int replicas(String name) {
        return client.apps().statefulSets().inNamespace(NS).withName(name + "-node").get().getSpec().getReplicas();
    }

    /** A provisioner killed right after it stored a failure: it never gets to scale the node down. */
    private record KilledBeforeScaleDown(NodeRuntime delegate) implements NodeRuntime {
        @Override
        public RuntimeReport apply(ValidatorNode node) {
            return delegate.apply(node);
        }

        @Override
        public RuntimeReport stop(ValidatorNode node) {
            throw new ProvisioningException.RuntimeUnavailable("killed before scaling down", null);
        }

        @Override
        public void recordStatus(ValidatorNode node) {
            delegate.recordStatus(node);
        }

        @Override
        public String kind() {
            return delegate.kind();
        }
    }

    private Instance start(String identity) {
        return start(identity, runtime -> runtime);
    }

    /** Starts an instance on the service's lease and waits until it leads (the previous holder released it). */
    private Instance start(String identity, UnaryOperator<NodeRuntime> wrap) {
        KubernetesNodeRuntime runtime = KubernetesNodeRuntime.standalone(client, KubernetesSettings.of(config, NS));
        ProvisioningConfig.Kubernetes k = config.kubernetes();
        KubernetesLeaseGate lease = new KubernetesLeaseGate(client, NS, k.leaseName(), identity, k.leaseDuration(),
                k.renewDeadline(), k.retryPeriod()).start();
        await().atMost(Duration.ofSeconds(30)).until(lease::isLeader);
        return new Instance(runtime, lease, new ReconcileLoop(store, wrap.apply(runtime), reader, lifecycle, lease,
                Clock.systemUTC()));
    }

    /** Kafka hands the restarted instance the uncommitted request again, and the gateway retries with a new id. */
    private void redeliver(String setupId, SetupRequested request) {
        SetupRequested retried = KubernetesReconcilerTest.setup(setupId, UUID.randomUUID());
        KafkaTopicReader.send(KafkaAssignment.SETUP_TOPIC, setupId, request.toByteArray());
        KafkaTopicReader.send(KafkaAssignment.SETUP_TOPIC, setupId, retried.toByteArray());
        String retriedId = retried.getMeta().getEventId();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> pool
                .preparedQuery("SELECT count(*) FROM processed_events WHERE event_id = $1")
                .execute(Tuple.of(UUID.fromString(retriedId))).await().atMost(Duration.ofSeconds(10)).iterator()
                .next().getLong(0) == 1);
    }
}
