package network.omniphi.provisioning.infra.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
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
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeSpec;

class NodeBuildersTest {

    static final String SETUP = "5f0c6c1e-8d7a-4b7e-9a55-3f1f0c2d9e11";
    static final String NAME = "vn-" + SETUP;
    static final String TOOLS = "docker.io/curlimages/curl:8.11.1";
    static final KubernetesSettings SETTINGS = new KubernetesSettings("validators", "omniphi",
            new KubernetesSettings.NodeDefaults("omniphi/node:1", "IfNotPresent", "omniphid", "/home/omniphi/.omniphid",
                    List.of(), null, null, List.of(), List.of(), false, null, "20Gi", null, "LoadBalancer"),
            TOOLS, "http://{name}-rpc.{namespace}.svc:26657", "http://chain:26657", Duration.ofMinutes(2),
            Duration.ofMinutes(1));

    static ValidatorNodeResource resource(boolean running) {
        ValidatorNode node = ValidatorNode.requested(SETUP, "alice", "omniphi-devnet-1", "omniphi_cloud",
                Instant.parse("2026-11-25T10:00:00Z"));
        ValidatorNodeResource cr = ValidatorNodeRenderer.render(node, running, SETTINGS);
        cr.getMetadata().setUid("uid-1");
        return cr;
    }

    /** A ValidatorNode as a kubectl user writes it for a real chain (Cosmos Hub's gaiad). */
    static ValidatorNodeResource gaia() {
        ValidatorNodeResource cr = resource(true);
        ValidatorNodeSpec spec = cr.getSpec();
        spec.image = "ghcr.io/cosmos/gaia:v21.0.1";
        spec.imagePullPolicy = "Always";
        spec.binary = "gaiad";
        spec.home = "/home/gaia/.gaia";
        spec.genesis = new ValidatorNodeSpec.Genesis();
        spec.genesis.url = "https://example.org/genesis.json.gz";
        spec.genesis.sha256 = "a".repeat(64);
        spec.seeds = List.of("ade4d8bc8cbe014af6ebdf3cb7b1e9ad36f412c0@seeds.polkachu.com:14956");
        spec.persistentPeers = List.of("1e7ae3c4e3e1b3ba2f3b81e3d4c8e1b1a2f3c4d5@10.0.0.7:26656");
        spec.minimumGasPrices = "0.005uatom";
        spec.doubleSignCheckHeight = 20L;
        spec.stateSync = new ValidatorNodeSpec.StateSync();
        spec.stateSync.enabled = true;
        spec.stateSync.fromReferenceRpc = true;
        spec.chainRpc = "https://rpc.cosmos.example:443";
        return cr;
    }

    @Test
    void statefulSetRunsTheSpecsImageAndBinaryWithOneReplicaAndCreatesTheKeyByInitInAnInitContainer() {
        StatefulSet sts = NodeStatefulSetBuilder.build(gaia(), TOOLS);

        assertThat(sts.getMetadata().getName()).isEqualTo(NAME + "-node");
        assertThat(sts.getMetadata().getNamespace()).isEqualTo("validators");
        assertOwnedAndLabelled(sts);
        assertThat(sts.getSpec().getReplicas()).isEqualTo(1);
        assertThat(sts.getSpec().getPodManagementPolicy()).isEqualTo("OrderedReady");
        assertThat(sts.getSpec().getSelector().getMatchLabels()).containsExactly(
                Map.entry("app.kubernetes.io/name", "omniphi-validator-node"),
                Map.entry("app.kubernetes.io/instance", NAME));
        PodSpec pod = sts.getSpec().getTemplate().getSpec();
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getVolumes()).extracting(v -> v.getName()).containsExactly("home", "config", "tmp");
        assertThat(pod.getVolumes().get(0).getPersistentVolumeClaim().getClaimName()).isEqualTo(NAME + "-data");

        assertThat(pod.getInitContainers()).extracting(Container::getName).containsExactly("init-home", "configure");
        Container init = pod.getInitContainers().get(0);
        assertThat(init.getImage()).isEqualTo("ghcr.io/cosmos/gaia:v21.0.1");
        assertThat(init.getImagePullPolicy()).isEqualTo("Always");
        assertThat(init.getCommand()).containsExactly("/bin/sh", "-c", NodeStatefulSetBuilder.INIT_SCRIPT);
        assertThat(NodeStatefulSetBuilder.INIT_SCRIPT).contains(
                "\"$NODE_BINARY\" init \"$NODE_MONIKER\" --chain-id \"$NODE_CHAIN_ID\" --home \"$NODE_HOME\"",
                "if [ -s \"$NODE_HOME/config/priv_validator_key.json\" ]", ">/dev/null 2>&1");
        assertThat(init.getEnv()).extracting(e -> e.getName() + "=" + e.getValue()).containsExactly(
                "NODE_BINARY=gaiad", "NODE_HOME=/home/gaia/.gaia", "NODE_MONIKER=alice",
                "NODE_CHAIN_ID=omniphi-devnet-1");
        assertThat(init.getVolumeMounts()).extracting(m -> m.getName() + ":" + m.getMountPath())
                .containsExactly("home:/home/gaia/.gaia", "tmp:/tmp");

        Container configure = pod.getInitContainers().get(1);
        assertThat(configure.getImage()).isEqualTo(TOOLS);
        assertThat(configure.getCommand()).containsExactly("/bin/sh", "/etc/omniphi/configure.sh");
        assertThat(configure.getEnv()).extracting(e -> e.getName() + "=" + e.getValue()).contains(
                "NODE_HOME=/home/gaia/.gaia", "DOUBLE_SIGN_CHECK_HEIGHT=20",
                "GENESIS_URL=https://example.org/genesis.json.gz", "GENESIS_SHA256=" + "a".repeat(64),
                "P2P_SEEDS=ade4d8bc8cbe014af6ebdf3cb7b1e9ad36f412c0@seeds.polkachu.com:14956",
                "MINIMUM_GAS_PRICES=0.005uatom", "STATE_SYNC_ENABLE=true",
                "STATE_SYNC_REFERENCE_RPC=https://rpc.cosmos.example:443", "RPC_LADDR=tcp://0.0.0.0:26657");

        Container node = pod.getContainers().get(0);
        assertThat(pod.getContainers()).hasSize(1);
        assertThat(node.getImage()).isEqualTo("ghcr.io/cosmos/gaia:v21.0.1");
        assertThat(node.getCommand()).containsExactly("gaiad", "start", "--home", "/home/gaia/.gaia");
        assertThat(node.getEnv()).isEmpty();
        assertThat(node.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health");
        assertThat(node.getReadinessProbe().getHttpGet().getPort()).isEqualTo(new IntOrString("rpc"));
        assertThat(node.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health");
        assertThat(node.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(node.getResources().getLimits()).containsKeys("cpu", "memory");
        assertThat(node.getPorts()).extracting(p -> p.getName() + ":" + p.getContainerPort())
                .containsExactly("rpc:26657", "p2p:26656", "grpc:9090");
        for (Container c : List.of(init, configure, node)) {
            assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as(c.getName()).isFalse();
            assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).as(c.getName()).isTrue();
            assertThat(c.getSecurityContext().getRunAsNonRoot()).as(c.getName()).isTrue();
            assertThat(c.getSecurityContext().getCapabilities().getDrop()).as(c.getName()).containsExactly("ALL");
            assertThat(c.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        }

        assertThat(NodeStatefulSetBuilder.build(resource(false), TOOLS).getSpec().getReplicas()).isZero();
    }

    @Test
    void defaultsRunOmniphidAndAGenesisConfigMapIsMountedForConfigureOnly() {
        StatefulSet sts = NodeStatefulSetBuilder.build(resource(true), TOOLS);
        assertThat(sts.getSpec().getTemplate().getSpec().getContainers().get(0).getCommand())
                .containsExactly("omniphid", "start", "--home", "/home/omniphi/.omniphid");

        ValidatorNodeResource cr = resource(true);
        cr.getSpec().genesis = new ValidatorNodeSpec.Genesis();
        cr.getSpec().genesis.configMap = new ValidatorNodeSpec.ConfigMapKey();
        cr.getSpec().genesis.configMap.name = "omniphi-genesis";
        cr.getSpec().extraStartArgs = List.of("--chain-rpc", "http://chain:26657");
        PodSpec pod = NodeStatefulSetBuilder.build(cr, TOOLS).getSpec().getTemplate().getSpec();
        assertThat(pod.getVolumes()).anySatisfy(v -> assertThat(v.getConfigMap()).isNotNull()
                .satisfies(c -> assertThat(c.getName()).isEqualTo("omniphi-genesis")));
        assertThat(pod.getInitContainers().get(1).getEnv()).extracting(e -> e.getName() + "=" + e.getValue())
                .contains("GENESIS_FILE=/etc/omniphi-genesis/genesis.json");
        assertThat(pod.getInitContainers().get(1).getVolumeMounts()).extracting(m -> m.getMountPath())
                .contains("/etc/omniphi-genesis");
        assertThat(pod.getContainers().get(0).getVolumeMounts()).extracting(m -> m.getMountPath())
                .doesNotContain("/etc/omniphi-genesis", "/etc/omniphi");
        assertThat(pod.getContainers().get(0).getCommand()).endsWith("--chain-rpc", "http://chain:26657");
    }

    @Test
    void pvcIsReadWriteOncePodAndOutlivesTheResource() {
        PersistentVolumeClaim pvc = NodePvcBuilder.build(resource(true));

        assertThat(pvc.getMetadata().getName()).isEqualTo(NAME + "-data");
        assertThat(pvc.getMetadata().getOwnerReferences()).isEmpty();
        assertThat(pvc.getMetadata().getAnnotations()).containsEntry("validators.omniphi.network/retain", "true");
        assertThat(pvc.getMetadata().getLabels()).containsEntry("validators.omniphi.network/setup-id", SETUP);
        assertThat(pvc.getSpec().getAccessModes()).containsExactly("ReadWriteOncePod");
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
    void networkPolicyAdmitsRpcOnlyFromOurServicesAndAllowsOnlyDnsP2pAndRpcOutExceptTheMetadataService() {
        NetworkPolicy policy = NodeNetworkPolicyBuilder.build(gaia(), "omniphi");

        assertOwnedAndLabelled(policy);
        assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
        var rules = policy.getSpec().getIngress();
        assertThat(rules).hasSize(2);
        assertThat(rules.get(0).getFrom()).singleElement().satisfies(peer -> {
            assertThat(peer.getNamespaceSelector().getMatchLabels()).containsExactly(
                    Map.entry("kubernetes.io/metadata.name", "omniphi"));
            assertThat(peer.getPodSelector().getMatchExpressions()).singleElement().satisfies(e -> {
                assertThat(e.getKey()).isEqualTo("app.kubernetes.io/name");
                assertThat(e.getValues()).containsExactly("provisioning-service", "chain-service",
                        "heartbeat-service");
            });
        });
        assertThat(rules.get(0).getPorts()).extracting(p -> p.getPort().getIntVal()).containsExactly(26657, 9090);
        assertThat(rules.get(1).getFrom()).isEmpty();
        assertThat(rules.get(1).getPorts()).extracting(p -> p.getPort().getIntVal()).containsExactly(26656);

        var egress = policy.getSpec().getEgress();
        assertThat(egress).hasSize(2);
        assertThat(egress.get(0).getPorts()).extracting(p -> p.getProtocol() + "/" + p.getPort().getIntVal())
                .containsExactly("UDP/53", "TCP/53");
        assertThat(egress.get(1).getTo()).extracting(peer -> peer.getIpBlock() == null
                ? "pods"
                : peer.getIpBlock().getCidr() + " except " + peer.getIpBlock().getExcept())
                .containsExactly("0.0.0.0/0 except [169.254.169.254/32]", "::/0 except [fd00:ec2::254/128]", "pods");
        assertThat(egress.get(1).getPorts()).extracting(p -> p.getPort().getIntVal())
                .containsExactly(443, 14956, 26656, 26657);
    }

    @Test
    void noObjectCarriesSecretMaterial() {
        ValidatorNodeResource cr = gaia();
        List<HasMetadata> all = List.of(NodeConfigMapBuilder.build(cr), NodePvcBuilder.build(cr),
                NodeRpcServiceBuilder.build(cr), NodeP2pServiceBuilder.build(cr),
                NodeStatefulSetBuilder.build(cr, TOOLS), NodeNetworkPolicyBuilder.build(cr, "omniphi"));
        for (HasMetadata object : all) {
            String yaml = Serialization.asYaml(object);
            assertThat(yaml).doesNotContainIgnoringCase("priv_key").doesNotContainIgnoringCase("secret")
                    .doesNotContainIgnoringCase("password").doesNotContain("PrivKeyEd25519");
        }
        assertThat(NodeStatefulSetBuilder.build(cr, TOOLS)).isEqualTo(NodeStatefulSetBuilder.build(cr, TOOLS));
        assertThat(NodeConfigMapBuilder.build(cr).getData()).containsOnlyKeys("configure.sh");
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
