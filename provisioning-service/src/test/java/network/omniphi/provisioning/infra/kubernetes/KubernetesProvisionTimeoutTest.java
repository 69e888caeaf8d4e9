package network.omniphi.provisioning.infra.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;

import network.omniphi.commons.events.EventMetas;
import network.omniphi.proto.events.v1.NodeEvent;
import network.omniphi.provisioning.FakeChain;
import network.omniphi.provisioning.KafkaAssignment;
import network.omniphi.provisioning.NodeEventLog;
import network.omniphi.provisioning.domain.NodeNames;
import network.omniphi.provisioning.domain.NodeStatus;
import network.omniphi.provisioning.domain.ValidatorNode;

/**
 * The provision deadline, shortened by configuration: a node that never gets its pod scheduled and a ready node
 * whose {@code /status} never answers (so its consensus key stays unknown) are failed once the deadline has passed,
 * not before, in exactly one {@code failed} event that says what was missing; then scaled to zero for good (a pod
 * that would start later must not run with a key nobody uses), keeping the volume.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = ServerSideApply.class)
@QuarkusTestResource(FakeChain.class)
@TestProfile(KubernetesProvisionTimeoutTest.ShortDeadline.class)
class KubernetesProvisionTimeoutTest extends KubernetesScenario {

    static final Duration DEADLINE = Duration.ofSeconds(3);

    public static class ShortDeadline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(KafkaAssignment.config());
            config.put("omniphi.provisioning.provision-timeout", DEADLINE.toSeconds() + "s");
            return config;
        }
    }

    @BeforeEach
    void consuming() {
        awaitConsuming();
    }

    @Test
    void aPodThatIsNeverScheduledFailsAtTheDeadline() {
        String setupId = UUID.randomUUID().toString();
        String name = NodeNames.nodeName(setupId);
        NodePods.report(client, NS, name, NodePods.unschedulable());

        ClusterState.requestSetup(setupId);

        assertTimedOut(setupId, name, "provisioning timed out after 3s: node not ready (pod not scheduled: "
                + "Unschedulable)");
    }

    @Test
    void aReadyNodeWhoseStatusNeverAnswersFailsAtTheDeadline() {
        String setupId = FakeChain.SILENT_SETUP_PREFIX + UUID.randomUUID();
        String name = NodeNames.nodeName(setupId);
        NodePods.report(client, NS, name, NodePods.ready(config.kubernetes().image().orElseThrow()));

        ClusterState.requestSetup(setupId);

        assertTimedOut(setupId, name,
                "provisioning timed out after 3s: node /status unreachable, consensus public key unknown");
    }

    private void assertTimedOut(String setupId, String name, String reason) {
        NodeEvent failed = events().awaitFirst(setupId, NodeEvent.PayloadCase.FAILED);
        ValidatorNode node = store.node(setupId);

        assertThat(failed.getFailed().getReason()).isEqualTo(reason).doesNotContain(NodePods.KUBELET_SECRET);
        assertThat(Duration.between(node.createdAt(), EventMetas.instant(failed.getMeta().getOccurredAt())))
                .as("failed at the deadline, not before").isGreaterThanOrEqualTo(DEADLINE);
        assertThat(node.status()).isEqualTo(NodeStatus.FAILED);
        assertThat(node.failureReason()).isEqualTo(reason);
        assertThat(node.consensusPubkey()).isNull();
        reconcileOnce();
        NodeEventLog.awaitRelayed(pool, setupId);
        assertThat(NodeEventLog.decided(pool, setupId)).as("outbox").extracting(NodeEvent::getPayloadCase)
                .containsExactly(NodeEvent.PayloadCase.PROVISIONING, NodeEvent.PayloadCase.FAILED);
        assertThat(events().publishedCount(setupId, NodeEvent.PayloadCase.FAILED)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ClusterState.status(client, NS, name))
                .extracting(s -> s.phase, s -> s.message).containsExactly("failed", reason));
        ClusterState.assertScaledDownAndKept(client, config, store, reader, lifecycle, setupId, reason);
        NodeEventLog.awaitRelayed(pool, setupId);
        assertThat(NodeEventLog.decided(pool, setupId)).as("scaling down announces nothing more")
                .extracting(NodeEvent::getPayloadCase)
                .containsExactly(NodeEvent.PayloadCase.PROVISIONING, NodeEvent.PayloadCase.FAILED);
        assertThat(events().publishedCount(setupId, NodeEvent.PayloadCase.FAILED)).isEqualTo(1);
    }
}
