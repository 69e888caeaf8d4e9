package network.omniphi.provisioning.infra.kubernetes;

import java.time.Duration;
import java.util.Optional;

import network.omniphi.provisioning.config.ProvisioningConfig;

/** What the Kubernetes runtime renders with, resolved once from configuration. */
public record KubernetesSettings(String namespace, String image, String storageSize, String storageClass,
        String p2pExposure, String statusUrlTemplate, String chainRpc, Duration imagePullGrace) {

    /** The configuration default of {@code image-pull-grace}. */
    public static final Duration DEFAULT_IMAGE_PULL_GRACE = Duration.ofMinutes(2);

    public KubernetesSettings(String namespace, String image, String storageSize, String storageClass,
            String p2pExposure, String statusUrlTemplate, String chainRpc) {
        this(namespace, image, storageSize, storageClass, p2pExposure, statusUrlTemplate, chainRpc,
                DEFAULT_IMAGE_PULL_GRACE);
    }

    public static KubernetesSettings of(ProvisioningConfig config, String clientNamespace) {
        ProvisioningConfig.Kubernetes k = config.kubernetes();
        String namespace = k.namespace().orElse(Optional.ofNullable(clientNamespace).orElse("default"));
        return new KubernetesSettings(namespace, k.image(), k.storageSize(), k.storageClass().orElse(null),
                k.p2pExposure(), k.statusUrlTemplate(), config.referenceRpc(), k.imagePullGrace());
    }
}
