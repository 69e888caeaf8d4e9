package network.omniphi.provisioning.infra.kubernetes.builders;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;

import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeResource;

/**
 * The data volume holding the node's home and consensus key. {@code ReadWriteOncePod}: the API server lets only one
 * pod in the whole cluster use it, so a second pod with the key cannot start while the first holds it (ADR 0002).
 * Deliberately without an owner reference: stopping or deleting the ValidatorNode never deletes the key.
 */
public final class NodePvcBuilder {

    public static final String RETAIN_ANNOTATION = "validators.omniphi.network/retain";
    public static final String ACCESS_MODE = "ReadWriteOncePod";
    private static final String DEFAULT_SIZE = "20Gi";

    private NodePvcBuilder() {
    }

    public static PersistentVolumeClaim build(ValidatorNodeResource cr) {
        String size = cr.getSpec().storageSize == null ? DEFAULT_SIZE : cr.getSpec().storageSize;
        return new PersistentVolumeClaimBuilder()
                .withMetadata(new ObjectMetaBuilder(NodeObjects.unowned(cr, "data"))
                        .addToAnnotations(RETAIN_ANNOTATION, "true").build())
                .withNewSpec()
                .withAccessModes(ACCESS_MODE)
                .withStorageClassName(cr.getSpec().storageClass)
                .withNewResources().addToRequests("storage", new Quantity(size)).endResources()
                .endSpec()
                .build();
    }
}
