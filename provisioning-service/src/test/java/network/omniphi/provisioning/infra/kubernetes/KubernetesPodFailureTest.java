package network.omniphi.provisioning.infra.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.vertx.mutiny.sqlclient.Pool;

import network.omniphi.proto.events.v1.NodeEvent;
import network.omniphi.provisioning.FakeChain;
import network.omniphi.provisioning.KafkaAssignment;
import network.omniphi.provisioning.NodeEventLog;
import network.omniphi.provisioning.config.ProvisioningConfig;
import network.omniphi.provisioning.domain.NodeLifecycle;
import network.omniphi.provisioning.domain.NodeStatus;
import network.omniphi.provisioning.domain.NodeStatusReader;
import network.omniphi.provisioning.infra.persistence.NodeStore;

/**
 * A node pod that cannot run, played on the mock API server (CRUD mode) with the service's own reconcile loop, real
 * Kafka and PostgreSQL: an image that cannot be pulled and a container in a crash loop each fail the setup at once
 * with a reason naming the cause, in exactly one {@code failed} event; the resources (and the key's volume) stay.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(FakeChain.class)
@TestProfile(KubernetesReconcilerTest.Profile.class)
class KubernetesPodFailureTest {

    static final String NS = KubernetesReconcilerTest.NS;

    @Inject
    KubernetesClient client;
    @Inject
    NodeStore store;
    @Inject
    NodeStatusReader reader;
    @Inject
    NodeLifecycle lifecycle;
    @Inject
    ProvisioningConfig config;
    @Inject
    Pool pool;

    private static NodeEventLog events;

    @BeforeAll
    static void open() {
        events = new NodeEventLog();
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @BeforeEach
    void consuming() {
        KafkaAssignment.awaitConsuming(pool);
    }

    @Test
    void imagePullBackOffFailsTheSetupOnceNamingTheImage() {
        String setupId = UUID.randomUUID().toString();
        String name = requestNode(setupId);
        String image = config.kubernetes().image();

        NodePods.report(client, NS, name, NodePods.creating(image));
        onePass();
        assertThat(store.node(setupId).status()).as("a pod still being created is not a failure")
                .isEqualTo(NodeStatus.PROVISIONING);

        NodePods.report(client, NS, name, NodePods.imagePullBackOff(image));
        String reason = events.awaitFirst(setupId, NodeEvent.PayloadCase.FAILED).getFailed().getReason();

        assertThat(reason).isEqualTo("cannot pull image " + image + " for init container init-home (ImagePullBackOff)");
        assertFailedOnceResourcesKept(setupId, name, reason);
    }

    @Test
    void crashLoopBackOffFailsTheSetupOnceAfterRepeatedRestarts() {
        String setupId = UUID.randomUUID().toString();
        String name = requestNode(setupId);
        String image = config.kubernetes().image();

        NodePods.report(client, NS, name, NodePods.crashLoopBackOff(image, PodDiagnosis.CRASH_LOOP_RESTARTS - 1));
        onePass();
        assertThat(store.node(setupId).status()).as("a few restarts are tolerated")
                .isEqualTo(NodeStatus.PROVISIONING);

        NodePods.report(client, NS, name, NodePods.crashLoopBackOff(image, PodDiagnosis.CRASH_LOOP_RESTARTS));
        String reason = events.awaitFirst(setupId, NodeEvent.PayloadCase.FAILED).getFailed().getReason();

        assertThat(reason).isEqualTo("container node keeps crashing: " + PodDiagnosis.CRASH_LOOP_RESTARTS
                + " restarts, last exit code 137 (OOMKilled)");
        assertFailedOnceResourcesKept(setupId, name, reason);
    }

    /** Sends a cloud setup request and waits until its StatefulSet exists; returns the node name. */
    private String requestNode(String setupId) {
        String name = ClusterState.requestSetup(setupId);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(
                () -> client.apps().statefulSets().inNamespace(NS).withName(name + "-node").get(), s -> s != null);
        return name;
    }

    private void onePass() {
        ClusterState.reconcileOnce(client, config, store, reader, lifecycle);
    }

    private void assertFailedOnceResourcesKept(String setupId, String name, String reason) {
        assertThat(reason).doesNotContain(NodePods.KUBELET_SECRET);
        onePass();
        NodeEventLog.awaitRelayed(pool, setupId);
        assertThat(NodeEventLog.decided(pool, setupId)).as("outbox").extracting(NodeEvent::getPayloadCase)
                .containsExactly(NodeEvent.PayloadCase.PROVISIONING, NodeEvent.PayloadCase.FAILED);
        assertThat(events.publishedCount(setupId, NodeEvent.PayloadCase.FAILED)).isEqualTo(1);
        assertThat(store.node(setupId)).satisfies(node -> {
            assertThat(node.status()).isEqualTo(NodeStatus.FAILED);
            assertThat(node.failureReason()).isEqualTo(reason);
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ClusterState.status(client, NS,
                name)).extracting(s -> s.phase, s -> s.message).containsExactly("failed", reason));
        ClusterState.assertOneNodeKept(client, NS, setupId, name);
    }
}
