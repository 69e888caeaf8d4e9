package network.omniphi.provisioning.infra.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.UUID;

import io.fabric8.kubernetes.client.KubernetesClient;

import network.omniphi.provisioning.KafkaAssignment;
import network.omniphi.provisioning.api.ReconcileLoop;
import network.omniphi.provisioning.config.ProvisioningConfig;
import network.omniphi.provisioning.domain.LeaderGate;
import network.omniphi.provisioning.domain.NodeLifecycle;
import network.omniphi.provisioning.domain.NodeNames;
import network.omniphi.provisioning.domain.NodeStatusReader;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeResource;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeStatus;
import network.omniphi.provisioning.infra.persistence.NodeStore;
import network.omniphi.testsupport.KafkaTopicReader;

/** What the Kubernetes tests send and read back: a setup request in, the node's objects in the mock API server. */
final class ClusterState {

    private static final LeaderGate ALWAYS_LEADER = new LeaderGate() {
        @Override
        public boolean isLeader() {
            return true;
        }

        @Override
        public String identity() {
            return "test-pass";
        }
    };

    private ClusterState() {
    }

    /** Sends a cloud {@code SetupRequested} with a fresh event id; returns the node name it leads to. */
    static String requestSetup(String setupId) {
        KafkaTopicReader.send(KafkaAssignment.SETUP_TOPIC, setupId,
                KubernetesReconcilerTest.setup(setupId, UUID.randomUUID()).toByteArray());
        return NodeNames.nodeName(setupId);
    }

    /**
     * One complete reconcile pass, on the calling thread, by a freshly built reconciler that always leads (the
     * service's own loop may run at the same time: stored transitions are compare-and-set).
     */
    static void reconcileOnce(KubernetesClient client, ProvisioningConfig config, NodeStore store,
            NodeStatusReader reader, NodeLifecycle lifecycle) {
        new ReconcileLoop(store, new KubernetesNodeRuntime(client, KubernetesSettings.of(config, null)), reader,
                lifecycle, ALWAYS_LEADER, Clock.systemUTC()).runIfLeader();
    }

    static ValidatorNodeStatus status(KubernetesClient client, String namespace, String name) {
        ValidatorNodeResource cr = client.resources(ValidatorNodeResource.class).inNamespace(namespace).withName(name)
                .get();
        return cr == null || cr.getStatus() == null ? new ValidatorNodeStatus() : cr.getStatus();
    }

    /** The setup has exactly one ValidatorNode and one StatefulSet, and its data volume (the key) is still there. */
    static void assertOneNodeKept(KubernetesClient client, String namespace, String setupId, String name) {
        String setupLabel = NodeNames.labelValue(setupId);
        assertThat(client.resources(ValidatorNodeResource.class).inNamespace(namespace)
                .withLabel(NodeNames.LABEL_SETUP_ID, setupLabel).list().getItems()).extracting(
                        r -> r.getMetadata()
                                .getName())
                .containsExactly(name);
        assertThat(client.apps().statefulSets().inNamespace(namespace).withLabel(NodeNames.LABEL_SETUP_ID, setupLabel)
                .list().getItems()).extracting(s -> s.getMetadata().getName()).containsExactly(name + "-node");
        assertThat(client.persistentVolumeClaims().inNamespace(namespace).withName(name + "-data").get())
                .as("the data volume holds the consensus key and is never deleted").isNotNull();
    }
}
