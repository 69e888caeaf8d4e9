package network.omniphi.provisioning.infra.kubernetes.builders;

import java.util.Map;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;

import network.omniphi.provisioning.domain.NodeNames;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeResource;

/** Shared pieces of the per-kind builders: fixed ports, paths, and metadata with labels and owner reference. */
public final class NodeObjects {

    public static final int RPC_PORT = 26657;
    public static final int P2P_PORT = 26656;
    public static final int GRPC_PORT = 9090;
    /** Where the node's ConfigMap (the configure script) is mounted in the configure init container. */
    public static final String CONFIG_PATH = "/etc/omniphi";
    /** Where a genesis ConfigMap is mounted in the configure init container. */
    public static final String GENESIS_PATH = "/etc/omniphi-genesis";
    public static final String TMP_PATH = "/tmp";
    /** Field manager of the provisioner's server-side applies. */
    public static final String FIELD_MANAGER = "omniphi-provisioning";

    private NodeObjects() {
    }

    public static String name(ValidatorNodeResource cr) {
        return cr.getMetadata().getName();
    }

    public static Map<String, String> labels(ValidatorNodeResource cr) {
        return NodeNames.labels(name(cr), cr.getSpec().setupRequestId, cr.getSpec().chainId);
    }

    /** Metadata of a child object owned (and garbage-collected) with the custom resource. */
    public static ObjectMeta owned(ValidatorNodeResource cr, String suffix) {
        return new ObjectMetaBuilder(unowned(cr, suffix)).withOwnerReferences(ownerReference(cr)).build();
    }

    /** Metadata of a child object that outlives the custom resource (the data volume). */
    public static ObjectMeta unowned(ValidatorNodeResource cr, String suffix) {
        return new ObjectMetaBuilder().withName(NodeNames.child(name(cr), suffix))
                .withNamespace(cr.getMetadata().getNamespace()).withLabels(labels(cr)).build();
    }

    public static OwnerReference ownerReference(ValidatorNodeResource cr) {
        return new OwnerReferenceBuilder().withApiVersion(cr.getApiVersion()).withKind(cr.getKind())
                .withName(name(cr)).withUid(cr.getMetadata().getUid()).withController(true)
                .withBlockOwnerDeletion(true).build();
    }
}
