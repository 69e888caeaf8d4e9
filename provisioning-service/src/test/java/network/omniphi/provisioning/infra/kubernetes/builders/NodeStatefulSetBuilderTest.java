package network.omniphi.provisioning.infra.kubernetes.builders;

import static network.omniphi.provisioning.infra.kubernetes.builders.NodeFixtures.NAME;
import static network.omniphi.provisioning.infra.kubernetes.builders.NodeFixtures.TOOLS;
import static network.omniphi.provisioning.infra.kubernetes.builders.NodeFixtures.assertOwnedAndLabelled;
import static network.omniphi.provisioning.infra.kubernetes.builders.NodeFixtures.gaia;
import static network.omniphi.provisioning.infra.kubernetes.builders.NodeFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeResource;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeSpec;

/** The node StatefulSet: image, binary, init containers, probes, hardening, replicas by running. */
class NodeStatefulSetBuilderTest {

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
}
