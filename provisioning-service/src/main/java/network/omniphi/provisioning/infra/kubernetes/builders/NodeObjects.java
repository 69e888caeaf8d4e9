package network.omniphi.provisioning.infra.kubernetes.builders;

import java.util.List;
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
    public static final String DATA_PATH = "/data";
    public static final String CONFIG_PATH = "/etc/omniphi";
    public static final String NODE_JAR = "/opt/omniphi/devnet-node.jar";
    public static final String MAIN_CLASS = "network.omniphi.devnet.node.NodeMain";

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

    public static List<String> nodeCommand(String subcommand) {
        return List.of("java", "-Xmx256m", "-cp", NODE_JAR, MAIN_CLASS, subcommand);
    }
}
