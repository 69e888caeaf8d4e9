package network.omniphi.provisioning.infra.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;

import network.omniphi.proto.events.v1.NodeEvent;
import network.omniphi.provisioning.FakeChain;
import network.omniphi.provisioning.NodeEventLog;
import network.omniphi.provisioning.domain.NodeStatus;

/**
 * A node pod that cannot run, played on the mock API server (CRUD mode) with the service's own reconcile loop, real
 * Kafka and PostgreSQL: an image that cannot be pulled and a container in a crash loop each fail the setup at once
 * with a reason naming the cause, in exactly one {@code failed} event; the StatefulSet is scaled to zero and stays
 * there, also for a restarted provisioner, while the custom resource, Services, ConfigMap and the key's volume stay.
 * A node that was provisioned and then crash loops is only unhealthy until its pod is ready again.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = ServerSideApply.class)
@QuarkusTestResource(FakeChain.class)
@TestProfile(KubernetesReconcilerTest.Profile.class)
class KubernetesPodFailureTest extends KubernetesScenario {

    /* node statuses as events carry them (the domain's NodeStatus has the same simple name) */
    private static final network.omniphi.proto.events.v1.NodeStatus UNSPECIFIED = network.omniphi.proto.events.v1.NodeStatus.NODE_STATUS_UNSPECIFIED;
    private static final network.omniphi.proto.events.v1.NodeStatus UNHEALTHY = network.omniphi.proto.events.v1.NodeStatus.NODE_STATUS_UNHEALTHY;
    private static final network.omniphi.proto.events.v1.NodeStatus RUNNING = network.omniphi.proto.events.v1.NodeStatus.NODE_STATUS_RUNNING;

    @BeforeEach
    void consuming() {
        awaitConsuming();
    }

    @Test
    void imagePullBackOffFailsTheSetupOnceNamingTheImage() {
        String setupId = UUID.randomUUID().toString();
        String name = requestNode(setupId);
        String image = config.kubernetes().image().orElseThrow();

        NodePods.report(client, NS, name, NodePods.creating(image));
        reconcileOnce();
        assertThat(store.node(setupId).status()).as("a pod still being created is not a failure")
                .isEqualTo(NodeStatus.PROVISIONING);

        NodePods.report(client, NS, name, NodePods.imagePullBackOff(image));
        String reason = events().awaitFirst(setupId, NodeEvent.PayloadCase.FAILED).getFailed().getReason();

        assertThat(reason).isEqualTo("cannot pull image " + image + " for init container init-home (ImagePullBackOff)");
        assertFailedOnceResourcesKept(setupId, name, reason);
    }

    @Test
    void crashLoopBackOffFailsTheSetupOnceAfterRepeatedRestarts() {
        String setupId = UUID.randomUUID().toString();
        String name = requestNode(setupId);
        String image = config.kubernetes().image().orElseThrow();

        NodePods.report(client, NS, name, NodePods.crashLoopBackOff(image, PodDiagnosis.CRASH_LOOP_RESTARTS - 1));
        reconcileOnce();
        assertThat(store.node(setupId).status()).as("a few restarts are tolerated")
                .isEqualTo(NodeStatus.PROVISIONING);

        NodePods.report(client, NS, name, NodePods.crashLoopBackOff(image, PodDiagnosis.CRASH_LOOP_RESTARTS));
        String reason = events().awaitFirst(setupId, NodeEvent.PayloadCase.FAILED).getFailed().getReason();

        assertThat(reason).isEqualTo("container node keeps crashing: " + PodDiagnosis.CRASH_LOOP_RESTARTS
                + " restarts, last exit code 137 (OOMKilled)");
        assertFailedOnceResourcesKept(setupId, name, reason);
    }

    @Test
    void aProvisionedNodeThatCrashLoopsIsUnhealthyUntilItsPodIsReadyAgainNeverFailed() {
        String setupId = UUID.randomUUID().toString();
        String name = requestNode(setupId);
        String image = config.kubernetes().image().orElseThrow();
        NodePods.report(client, NS, name, NodePods.ready(image));
        events().awaitFirst(setupId, NodeEvent.PayloadCase.PROVISIONED);

        NodePods.report(client, NS, name, NodePods.crashLoopBackOff(image, PodDiagnosis.CRASH_LOOP_RESTARTS + 1));
        NodeEvent unhealthy = awaitHealth(setupId, UNHEALTHY);

        assertThat(unhealthy.getHealthChanged().getDetail()).isEqualTo("container node keeps crashing: "
                + (PodDiagnosis.CRASH_LOOP_RESTARTS + 1) + " restarts, last exit code 137 (OOMKilled)");
        reconcileOnce();
        assertThat(store.node(setupId)).satisfies(node -> {
            assertThat(node.status()).isEqualTo(NodeStatus.UNHEALTHY);
            assertThat(node.failureReason()).isNull();
            assertThat(node.desiredRunning()).isTrue();
        });
        assertThat(client.apps().statefulSets().inNamespace(NS).withName(name + "-node").get().getSpec()
                .getReplicas()).as("a provisioned node keeps running").isEqualTo(1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "unhealthy".equals(ClusterState.status(client, NS, name).phase));

        NodePods.report(client, NS, name, NodePods.ready(image));
        awaitHealth(setupId, RUNNING);
        await().atMost(Duration.ofSeconds(30)).until(() -> store.node(setupId).status() == NodeStatus.RUNNING);

        reconcileOnce();
        NodeEventLog.awaitRelayed(pool, setupId);
        assertThat(NodeEventLog.decided(pool, setupId)).as("outbox: one unhealthy, then running; never failed")
                .extracting(NodeEvent::getPayloadCase, e -> e.getHealthChanged().getStatus())
                .containsExactly(tuple(NodeEvent.PayloadCase.PROVISIONING, UNSPECIFIED),
                        tuple(NodeEvent.PayloadCase.PROVISIONED, UNSPECIFIED),
                        tuple(NodeEvent.PayloadCase.HEALTH_CHANGED,
                                UNHEALTHY),
                        tuple(NodeEvent.PayloadCase.HEALTH_CHANGED,
                                RUNNING));
        assertThat(events().publishedCount(setupId, NodeEvent.PayloadCase.FAILED)).isZero();
    }

    private NodeEvent awaitHealth(String setupId, network.omniphi.proto.events.v1.NodeStatus status) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> events().published(setupId).stream()
                        .filter(e -> e.getPayloadCase() == NodeEvent.PayloadCase.HEALTH_CHANGED
                                && e.getHealthChanged().getStatus() == status)
                        .findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }

    /** Sends a cloud setup request and waits until its StatefulSet exists; returns the node name. */
    private String requestNode(String setupId) {
        String name = ClusterState.requestSetup(setupId);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(
                () -> client.apps().statefulSets().inNamespace(NS).withName(name + "-node").get(), s -> s != null);
        return name;
    }

    private void assertFailedOnceResourcesKept(String setupId, String name, String reason) {
        assertThat(reason).doesNotContain(NodePods.KUBELET_SECRET);
        reconcileOnce();
        NodeEventLog.awaitRelayed(pool, setupId);
        assertThat(NodeEventLog.decided(pool, setupId)).as("outbox").extracting(NodeEvent::getPayloadCase)
                .containsExactly(NodeEvent.PayloadCase.PROVISIONING, NodeEvent.PayloadCase.FAILED);
        assertThat(events().publishedCount(setupId, NodeEvent.PayloadCase.FAILED)).isEqualTo(1);
        assertThat(store.node(setupId)).satisfies(node -> {
            assertThat(node.status()).isEqualTo(NodeStatus.FAILED);
            assertThat(node.failureReason()).isEqualTo(reason);
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ClusterState.status(client, NS,
                name)).extracting(s -> s.phase, s -> s.message).containsExactly("failed", reason));
        ClusterState.assertScaledDownAndKept(client, config, store, reader, lifecycle, setupId, reason);
        NodeEventLog.awaitRelayed(pool, setupId);
        assertThat(NodeEventLog.decided(pool, setupId)).as("scaling down announces nothing more")
                .extracting(NodeEvent::getPayloadCase)
                .containsExactly(NodeEvent.PayloadCase.PROVISIONING, NodeEvent.PayloadCase.FAILED);
    }
}
