package network.omniphi.provisioning.infra.kubernetes;

import java.util.List;
import java.util.Locale;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

import network.omniphi.provisioning.domain.NodeNames;
import network.omniphi.provisioning.domain.ValidatorNode;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeResource;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeSpec;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeStatus;

/**
 * Node (database) → ValidatorNode custom resource. The spec is rendered only for a node created for a setup request
 * whose resource does not exist yet (from the provisioner's node defaults); an existing resource's spec is the
 * user's and is never rewritten, except {@code running}. Pure.
 */
public final class ValidatorNodeRenderer {

    /** Status phase of a resource that cannot be provisioned (bad spec, setup id taken by another resource). */
    public static final String PHASE_ERROR = "error";

    private ValidatorNodeRenderer() {
    }

    public static ValidatorNodeResource render(ValidatorNode node, boolean running, KubernetesSettings settings) {
        KubernetesSettings.NodeDefaults d = settings.node();
        ValidatorNodeSpec spec = new ValidatorNodeSpec();
        spec.setupRequestId = node.setupRequestId();
        spec.moniker = node.moniker();
        spec.chainId = node.chainId();
        spec.image = d.image();
        spec.imagePullPolicy = d.imagePullPolicy();
        spec.binary = d.binary();
        spec.home = d.home();
        spec.running = running;
        spec.extraStartArgs = d.extraStartArgs().isEmpty() ? null : List.copyOf(d.extraStartArgs());
        if (d.genesisUrl() != null) {
            spec.genesis = new ValidatorNodeSpec.Genesis();
            spec.genesis.url = d.genesisUrl();
            spec.genesis.sha256 = d.genesisSha256();
        }
        spec.seeds = d.seeds().isEmpty() ? null : List.copyOf(d.seeds());
        spec.persistentPeers = d.persistentPeers().isEmpty() ? null : List.copyOf(d.persistentPeers());
        if (d.stateSyncFromReference()) {
            spec.stateSync = new ValidatorNodeSpec.StateSync();
            spec.stateSync.enabled = true;
            spec.stateSync.fromReferenceRpc = true;
        }
        spec.minimumGasPrices = d.minimumGasPrices();
        spec.storageSize = d.storageSize();
        spec.storageClass = d.storageClass();
        spec.p2pExposure = d.p2pExposure();
        spec.chainRpc = settings.chainRpc();
        ValidatorNodeResource cr = new ValidatorNodeResource();
        cr.setMetadata(new ObjectMetaBuilder().withName(node.name()).withNamespace(settings.namespace())
                .withLabels(NodeNames.labels(node.name(), node.setupRequestId(), node.chainId())).build());
        cr.setSpec(spec);
        return cr;
    }

    /** The status fields that follow the node; conditions and generation are added by {@link NodeConditions}. */
    public static ValidatorNodeStatus status(ValidatorNode node) {
        ValidatorNodeStatus status = new ValidatorNodeStatus();
        status.phase = node.status().name().toLowerCase(Locale.ROOT);
        status.consensusPubkey = node.consensusPubkey();
        status.rpcEndpoint = node.endpoints().rpc();
        status.p2pEndpoint = node.endpoints().p2p();
        status.grpcEndpoint = node.endpoints().grpc();
        status.latestHeight = node.latestHeight();
        status.message = node.failureReason();
        return status;
    }
}
