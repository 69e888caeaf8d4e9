package network.omniphi.provisioning.infra.kubernetes;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import network.omniphi.provisioning.config.ProvisioningConfig;

/**
 * What the Kubernetes runtime renders with, resolved once from configuration.
 *
 * @param namespace where ValidatorNodes and their pods live (no Secrets there)
 * @param servicesNamespace where the provisioner, chain and heartbeat pods live (they may reach node RPC)
 * @param node what a ValidatorNode created for a setup request gets (kubectl users write their own spec)
 */
public record KubernetesSettings(String namespace, String servicesNamespace, NodeDefaults node, String toolsImage,
        String statusUrlTemplate, String chainRpc, Duration imagePullGrace, Duration statusHeightInterval) {

    /** Spec defaults of ValidatorNodes created for setup requests. */
    public record NodeDefaults(String image, String imagePullPolicy, String binary, String home,
            List<String> extraStartArgs, String genesisUrl, String genesisSha256, List<String> seeds,
            List<String> persistentPeers, boolean stateSyncFromReference, String minimumGasPrices, String storageSize,
            String storageClass, String p2pExposure) {
    }

    public static KubernetesSettings of(ProvisioningConfig config, String clientNamespace) {
        ProvisioningConfig.Kubernetes k = config.kubernetes();
        String own = Optional.ofNullable(clientNamespace).orElse("default");
        String image = k.image().orElseThrow(() -> new IllegalStateException(
                "omniphi.provisioning.kubernetes.image is required with the kubernetes runtime (the node image, "
                        + "see docs/node-image-contract.md)"));
        NodeDefaults node = new NodeDefaults(image, k.imagePullPolicy(), k.binary(), k.home(),
                k.extraStartArgs().orElse(List.of()), k.genesisUrl().orElse(null), k.genesisSha256().orElse(null),
                k.seeds().orElse(List.of()), k.persistentPeers().orElse(List.of()), k.stateSyncFromReference(),
                k.minimumGasPrices().orElse(null), k.storageSize(), k.storageClass().orElse(null), k.p2pExposure());
        return new KubernetesSettings(k.namespace().orElse(own), k.servicesNamespace().orElse(own), node,
                k.toolsImage(), k.statusUrlTemplate(), config.referenceRpc(), k.imagePullGrace(),
                k.statusHeightInterval());
    }

    /** Namespace of the leader-election Lease. */
    public static String leaseNamespace(ProvisioningConfig config, String clientNamespace) {
        return config.kubernetes().leaseNamespace().orElse(Optional.ofNullable(clientNamespace).orElse("default"));
    }
}
