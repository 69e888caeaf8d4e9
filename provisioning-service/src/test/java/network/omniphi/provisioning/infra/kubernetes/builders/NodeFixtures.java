package network.omniphi.provisioning.infra.kubernetes.builders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;

import network.omniphi.provisioning.domain.ValidatorNode;
import network.omniphi.provisioning.infra.kubernetes.KubernetesSettings;
import network.omniphi.provisioning.infra.kubernetes.ValidatorNodeRenderer;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeResource;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeSpec;

/** The ValidatorNode resources the builder tests (one per Kubernetes kind) render, and what every child carries. */
public final class NodeFixtures {

    private NodeFixtures() {
    }

    public static final String SETUP = "5f0c6c1e-8d7a-4b7e-9a55-3f1f0c2d9e11";
    public static final String NAME = "vn-" + SETUP;
    public static final String TOOLS = "docker.io/curlimages/curl:8.11.1";
    public static final KubernetesSettings SETTINGS = new KubernetesSettings("validators", "omniphi",
            new KubernetesSettings.NodeDefaults("omniphi/node:1", "IfNotPresent", "omniphid", "/home/omniphi/.omniphid",
                    List.of(), null, null, List.of(), List.of(), false, null, "20Gi", null, "LoadBalancer"),
            TOOLS, "http://{name}-rpc.{namespace}.svc:26657", "http://chain:26657", Duration.ofMinutes(2),
            Duration.ofMinutes(1));

    public static ValidatorNodeResource resource(boolean running) {
        ValidatorNode node = ValidatorNode.requested(SETUP, "alice", "omniphi-devnet-1", "omniphi_cloud",
                Instant.parse("2026-11-25T10:00:00Z"));
        ValidatorNodeResource cr = ValidatorNodeRenderer.render(node, running, SETTINGS);
        cr.getMetadata().setUid("uid-1");
        return cr;
    }

    /** A ValidatorNode as a kubectl user writes it for a real chain (Cosmos Hub's gaiad). */
    public static ValidatorNodeResource gaia() {
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

    public static void assertOwnedAndLabelled(HasMetadata object) {
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
