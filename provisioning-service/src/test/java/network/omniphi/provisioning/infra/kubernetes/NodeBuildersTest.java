package network.omniphi.provisioning.infra.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.utils.Serialization;

import network.omniphi.provisioning.domain.ValidatorNode;
import network.omniphi.provisioning.infra.kubernetes.builders.NodeConfigMapBuilder;
import network.omniphi.provisioning.infra.kubernetes.builders.NodeNetworkPolicyBuilder;
import network.omniphi.provisioning.infra.kubernetes.builders.NodeP2pServiceBuilder;
import network.omniphi.provisioning.infra.kubernetes.builders.NodePvcBuilder;
import network.omniphi.provisioning.infra.kubernetes.builders.NodeRpcServiceBuilder;
import network.omniphi.provisioning.infra.kubernetes.builders.NodeStatefulSetBuilder;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeResource;

class NodeBuildersTest {

    static final String SETUP = "5f0c6c1e-8d7a-4b7e-9a55-3f1f0c2d9e11";
    static final String NAME = "vn-" + SETUP;
    static final KubernetesSettings SETTINGS = new KubernetesSettings("validators", "omniphi/node:1", "20Gi", null,
            "LoadBalancer", "http://{name}-rpc.{namespace}.svc:26657", "http://chain:26657", Duration.ofMinutes(2));

    static ValidatorNodeResource resource(boolean running) {
        ValidatorNode node = ValidatorNode.requested(SETUP, "alice", "omniphi-devnet-1", "omniphi_cloud",
                Instant.parse("2026-11-25T10:00:00Z"));
        ValidatorNodeResource cr = ValidatorNodeRenderer.render(node, running, SETTINGS);
        cr.getMetadata().setUid("uid-1");
        return cr;
    }

    @Test
    void statefulSetHasExactlyOneReplicaTheRetainedClaimInitKeyStepProbesAndOwner() {
        StatefulSet sts = NodeStatefulSetBuilder.build(resource(true));

        assertThat(sts.getMetadata().getName()).isEqualTo(NAME + "-node");
        assertThat(sts.getMetadata().getNamespace()).isEqualTo("validators");
        assertOwnedAndLabelled(sts);
        assertThat(sts.getSpec().getReplicas()).isEqualTo(1);
        assertThat(sts.getSpec().getSelector().getMatchLabels()).containsExactly(
                Map.entry("app.kubernetes.io/name", "omniphi-validator-node"),
                Map.entry("app.kubernetes.io/instance", NAME));
        var pod = sts.getSpec().getTemplate().getSpec();
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getVolumes()).hasSize(2);
        assertThat(pod.getVolumes().get(0).getPersistentVolumeClaim().getClaimName()).isEqualTo(NAME + "-data");
        assertThat(pod.getVolumes().get(1).getConfigMap().getName()).isEqualTo(NAME + "-config");
        assertThat(pod.getInitContainers()).singleElement().satisfies(init -> assertThat(init.getCommand())
                .containsSequence("network.omniphi.devnet.node.NodeMain", "init", "--home", "/data"));
        var node = pod.getContainers().get(0);
        assertThat(pod.getContainers()).hasSize(1);
        assertThat(node.getCommand()).containsSequence("start", "--home", "/data", "--rpc-port", "26657");
        assertThat(node.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health");
        assertThat(node.getReadinessProbe().getHttpGet().getPort()).isEqualTo(new IntOrString("rpc"));
        assertThat(node.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health");
        assertThat(node.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(node.getResources().getLimits()).containsKeys("cpu", "memory");
        assertThat(node.getPorts()).extracting(p -> p.getName() + ":" + p.getContainerPort())
                .containsExactly("rpc:26657", "p2p:26656", "grpc:9090");

        assertThat(NodeStatefulSetBuilder.build(resource(false)).getSpec().getReplicas()).isZero();
    }

    @Test
    void pvcIsReadWriteOnceAndOutlivesTheResource() {
        PersistentVolumeClaim pvc = NodePvcBuilder.build(resource(true));

        assertThat(pvc.getMetadata().getName()).isEqualTo(NAME + "-data");
        assertThat(pvc.getMetadata().getOwnerReferences()).isEmpty();
        assertThat(pvc.getMetadata().getAnnotations()).containsEntry("validators.omniphi.network/retain", "true");
        assertThat(pvc.getMetadata().getLabels()).containsEntry("validators.omniphi.network/setup-id", SETUP);
        assertThat(pvc.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
        assertThat(pvc.getSpec().getResources().getRequests().get("storage").toString()).isEqualTo("20Gi");
    }

    @Test
    void servicesSplitInternalRpcFromExposedP2p() {
        Service rpc = NodeRpcServiceBuilder.build(resource(true));
        Service p2p = NodeP2pServiceBuilder.build(resource(true));

        assertOwnedAndLabelled(rpc);
        assertOwnedAndLabelled(p2p);
        assertThat(rpc.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(rpc.getSpec().getPorts()).extracting(p -> p.getName() + ":" + p.getPort())
                .containsExactly("rpc:26657", "grpc:9090");
        assertThat(p2p.getSpec().getType()).isEqualTo("LoadBalancer");
        assertThat(p2p.getSpec().getPorts()).extracting(p -> p.getName() + ":" + p.getPort())
                .containsExactly("p2p:26656");
    }

    @Test
    void networkPolicyAllowsRpcOnlyFromOurNamespaceAndP2pFromAnywhere() {
        NetworkPolicy policy = NodeNetworkPolicyBuilder.build(resource(true));

        assertOwnedAndLabelled(policy);
        assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
        var rules = policy.getSpec().getIngress();
        assertThat(rules).hasSize(2);
        assertThat(rules.get(0).getFrom()).singleElement().satisfies(peer -> assertThat(
                peer.getNamespaceSelector().getMatchLabels()).containsExactly(
                        Map.entry("kubernetes.io/metadata.name", "validators")));
        assertThat(rules.get(0).getPorts()).extracting(p -> p.getPort().getIntVal()).containsExactly(26657, 9090);
        assertThat(rules.get(1).getFrom()).isEmpty();
        assertThat(rules.get(1).getPorts()).extracting(p -> p.getPort().getIntVal()).containsExactly(26656);
    }

    @Test
    void configSetsDoubleSignCheck() {
        ConfigMap config = NodeConfigMapBuilder.build(resource(true));
        assertOwnedAndLabelled(config);
        assertThat(config.getData().get("config.toml")).contains("double_sign_check_height = 10",
                "moniker = \"alice\"");
    }

    @Test
    void configEscapesQuotesAndBackslashesOfTheMonikerAsTomlBasicString() {
        ValidatorNode node = ValidatorNode.requested(SETUP, "Tom \"the\" node \\ 🚀", "omniphi-devnet-1",
                "omniphi_cloud", Instant.parse("2026-11-25T10:00:00Z"));
        ConfigMap config = NodeConfigMapBuilder.build(ValidatorNodeRenderer.render(node, true, SETTINGS));

        assertThat(config.getData().get("config.toml")).startsWith("moniker = \"Tom \\\"the\\\" node \\\\ 🚀\"\n");
        assertThat(config.getData().get("MONIKER")).isEqualTo("Tom \"the\" node \\ 🚀");
    }

    @Test
    void noObjectCarriesSecretMaterialOrEnvironment() {
        ValidatorNodeResource cr = resource(true);
        List<HasMetadata> all = List.of(NodeConfigMapBuilder.build(cr), NodePvcBuilder.build(cr),
                NodeRpcServiceBuilder.build(cr), NodeP2pServiceBuilder.build(cr), NodeStatefulSetBuilder.build(cr),
                NodeNetworkPolicyBuilder.build(cr));
        for (HasMetadata object : all) {
            String yaml = Serialization.asYaml(object);
            assertThat(yaml).doesNotContainIgnoringCase("priv_key").doesNotContainIgnoringCase("secret")
                    .doesNotContainIgnoringCase("password")
                    .doesNotContain("env:").doesNotContain("PrivKeyEd25519");
        }
        assertThat(NodeStatefulSetBuilder.build(cr)).isEqualTo(NodeStatefulSetBuilder.build(cr));
    }

    private static void assertOwnedAndLabelled(HasMetadata object) {
        OwnerReference owner = object.getMetadata().getOwnerReferences().get(0);
        assertThat(object.getMetadata().getOwnerReferences()).hasSize(1);
        assertThat(owner.getKind()).isEqualTo("ValidatorNode");
        assertThat(owner.getApiVersion()).isEqualTo("validators.omniphi.network/v1alpha1");
        assertThat(owner.getName()).isEqualTo(NAME);
        assertThat(owner.getUid()).isEqualTo("uid-1");
        assertThat(owner.getController()).isTrue();
        assertThat(object.getMetadata().getLabels()).containsEntry("app.kubernetes.io/instance", NAME)
                .containsEntry("app.kubernetes.io/managed-by", "omniphi-provisioning")
                .containsEntry("validators.omniphi.network/chain-id", "omniphi-devnet-1")
                .containsEntry("validators.omniphi.network/setup-id", SETUP);
    }
}
