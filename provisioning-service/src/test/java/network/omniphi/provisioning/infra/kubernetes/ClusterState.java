package network.omniphi.provisioning.infra.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.fabric8.kubernetes.client.KubernetesClient;

import network.omniphi.provisioning.KafkaAssignment;
import network.omniphi.provisioning.config.ProvisioningConfig;
import network.omniphi.provisioning.domain.LeaderGate;
import network.omniphi.provisioning.domain.NodeLifecycle;
import network.omniphi.provisioning.domain.NodeNames;
import network.omniphi.provisioning.domain.NodeStatus;
import network.omniphi.provisioning.domain.NodeStatusReader;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeResource;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeStatus;
import network.omniphi.provisioning.infra.persistence.BlockingNodeRecords;
import network.omniphi.provisioning.infra.reconcile.ReconcileLoop;
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
     * service's own loop may run at the same time: stored transitions are compare-and-set), as a restarted
     * provisioner would make it. Returns how many objects its fresh runtime created or changed.
     */
    static long reconcileOnce(KubernetesClient client, ProvisioningConfig config, BlockingNodeRecords store,
            NodeStatusReader reader, NodeLifecycle lifecycle) {
        try (KubernetesNodeRuntime runtime = KubernetesNodeRuntime.standalone(client,
                KubernetesSettings.of(config, null))) {
            new ReconcileLoop(store, runtime, reader, lifecycle, ALWAYS_LEADER, Clock.systemUTC()).runIfLeader();
            return runtime.writes();
        }
    }

    /**
     * A failed node no longer uses resources, and no later pass (also by a fresh reconciler, as after a restart)
     * brings it back: its StatefulSet has zero replicas and, once its pod is gone, the node is halted; the custom
     * resource (phase failed with the reason), Services, ConfigMap and the volume with the key are kept.
     */
    static void assertScaledDownAndKept(KubernetesClient client, ProvisioningConfig config, BlockingNodeRecords store,
            NodeStatusReader reader, NodeLifecycle lifecycle, String setupId, String reason) {
        String namespace = KubernetesSettings.of(config, null).namespace();
        String name = NodeNames.nodeName(setupId);
        await().atMost(Duration.ofSeconds(30)).until(() -> client.apps().statefulSets().inNamespace(namespace)
                .withName(NodeNames.child(name, "node")).get().getSpec().getReplicas() == 0);
        // the StatefulSet controller (absent from the mock API server) removes the pod of a scaled-down set
        client.pods().inNamespace(namespace).withName(NodeNames.child(name, "node") + "-0").delete();
        await().atMost(Duration.ofSeconds(30)).until(() -> !store.node(setupId).desiredRunning());

        List<String> versions = resourceVersions(client, namespace, name);
        reconcileOnce(client, config, store, reader, lifecycle);
        assertThat(resourceVersions(client, namespace, name)).as("a restarted provisioner leaves a halted node alone")
                .isEqualTo(versions);
        assertThat(client.apps().statefulSets().inNamespace(namespace).withName(NodeNames.child(name, "node")).get()
                .getSpec().getReplicas()).as("never scaled up again").isZero();
        assertThat(store.node(setupId)).satisfies(node -> {
            assertThat(node.status()).isEqualTo(NodeStatus.FAILED);
            assertThat(node.failureReason()).isEqualTo(reason);
        });
        ValidatorNodeResource cr = client.resources(ValidatorNodeResource.class).inNamespace(namespace)
                .withName(name).get();
        assertThat(cr.getSpec().running).as("the custom resource says it should not run").isFalse();
        assertThat(cr.getStatus()).extracting(s -> s.phase, s -> s.message).containsExactly("failed", reason);
        assertThat(client.services().inNamespace(namespace).withName(NodeNames.child(name, "rpc")).get()).isNotNull();
        assertThat(client.services().inNamespace(namespace).withName(NodeNames.child(name, "p2p")).get()).isNotNull();
        assertThat(client.configMaps().inNamespace(namespace).withName(NodeNames.child(name, "config")).get())
                .isNotNull();
        assertOneNodeKept(client, namespace, setupId, name);
    }

    static ValidatorNodeStatus status(KubernetesClient client, String namespace, String name) {
        ValidatorNodeResource cr = client.resources(ValidatorNodeResource.class).inNamespace(namespace).withName(name)
                .get();
        return cr == null || cr.getStatus() == null ? new ValidatorNodeStatus() : cr.getStatus();
    }

    /** Resource versions of the node's custom resource and StatefulSet: they change with every write. */
    static List<String> resourceVersions(KubernetesClient client, String namespace, String name) {
        return List.of(
                client.resources(ValidatorNodeResource.class).inNamespace(namespace).withName(name).get()
                        .getMetadata().getResourceVersion(),
                client.apps().statefulSets().inNamespace(namespace).withName(NodeNames.child(name, "node")).get()
                        .getMetadata().getResourceVersion());
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
