package network.omniphi.provisioning.infra.kubernetes;

import java.util.Locale;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

import network.omniphi.provisioning.domain.NodeNames;
import network.omniphi.provisioning.domain.ValidatorNode;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeResource;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeSpec;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeStatus;

/** Node (database) → ValidatorNode custom resource spec and status. Pure. */
public final class ValidatorNodeRenderer {

    private ValidatorNodeRenderer() {
    }

    public static ValidatorNodeResource render(ValidatorNode node, boolean running, KubernetesSettings settings) {
        ValidatorNodeSpec spec = new ValidatorNodeSpec();
        spec.setupRequestId = node.setupRequestId();
        spec.moniker = node.moniker();
        spec.chainId = node.chainId();
        spec.image = settings.image();
        spec.running = running;
        spec.storageSize = settings.storageSize();
        spec.storageClass = settings.storageClass();
        spec.p2pExposure = settings.p2pExposure();
        spec.chainRpc = settings.chainRpc();
        ValidatorNodeResource cr = new ValidatorNodeResource();
        cr.setMetadata(new ObjectMetaBuilder().withName(node.name()).withNamespace(settings.namespace())
                .withLabels(NodeNames.labels(node.name(), node.setupRequestId(), node.chainId())).build());
        cr.setSpec(spec);
        return cr;
    }

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
