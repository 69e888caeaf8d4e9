package network.omniphi.provisioning.infra.kubernetes;

import java.time.Duration;
import java.util.Optional;

import network.omniphi.provisioning.config.ProvisioningConfig;

/** What the Kubernetes runtime renders with, resolved once from configuration. */
public record KubernetesSettings(String namespace, String image, String storageSize, String storageClass,
        String p2pExposure, String statusUrlTemplate, String chainRpc, Duration imagePullGrace) {

    public static KubernetesSettings of(ProvisioningConfig config, String clientNamespace) {
        ProvisioningConfig.Kubernetes k = config.kubernetes();
        String namespace = k.namespace().orElse(Optional.ofNullable(clientNamespace).orElse("default"));
        return new KubernetesSettings(namespace, k.image(), k.storageSize(), k.storageClass().orElse(null),
                k.p2pExposure(), k.statusUrlTemplate(), config.referenceRpc(), k.imagePullGrace());
    }
}
