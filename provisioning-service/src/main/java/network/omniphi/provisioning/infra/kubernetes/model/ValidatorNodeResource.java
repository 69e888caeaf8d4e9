package network.omniphi.provisioning.infra.kubernetes.model;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The {@code ValidatorNode} custom resource: one validator node. Created by the provisioner for a setup request or
 * applied with kubectl; either way it is the source of truth for the node. {@code kubectl get validatornodes} shows
 * phase, height and age; {@code -o wide} adds moniker, chain, readiness, image and the consensus key.
 */
@Group(ValidatorNodeResource.GROUP)
@Version(ValidatorNodeResource.VERSION)
@Kind("ValidatorNode")
@Plural("validatornodes")
@Singular("validatornode")
@ShortNames("vnode")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Height", jsonPath = ".status.latestHeight", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(name = "Moniker", jsonPath = ".spec.moniker", type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Chain", jsonPath = ".spec.chainId", type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Image", jsonPath = ".spec.image", type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Pubkey", jsonPath = ".status.consensusPubkey", type = AdditionalPrinterColumn.Type.STRING, priority = 1)
public class ValidatorNodeResource extends CustomResource<ValidatorNodeSpec, ValidatorNodeStatus>
        implements
            Namespaced {

    public static final String GROUP = "validators.omniphi.network";
    public static final String VERSION = "v1alpha1";
    public static final String CRD_NAME = "validatornodes." + GROUP;
}
