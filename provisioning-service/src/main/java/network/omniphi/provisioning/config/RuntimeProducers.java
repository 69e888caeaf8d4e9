package network.omniphi.provisioning.config;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

import io.fabric8.kubernetes.client.KubernetesClient;

import network.omniphi.provisioning.domain.LeaderGate;
import network.omniphi.provisioning.domain.NodeLifecycle;
import network.omniphi.provisioning.domain.NodeRuntime;
import network.omniphi.provisioning.infra.kubernetes.KubernetesLeaseGate;
import network.omniphi.provisioning.infra.kubernetes.KubernetesNodeRuntime;
import network.omniphi.provisioning.infra.kubernetes.KubernetesSettings;
import network.omniphi.provisioning.infra.kubernetes.NodeCache;
import network.omniphi.provisioning.infra.local.DatabaseLeaseGate;
import network.omniphi.provisioning.infra.local.LocalNodeRuntime;

/** Chooses the runtime and its leader election from {@code omniphi.provisioning.runtime}. */
@ApplicationScoped
public class RuntimeProducers {

    @Produces
    @ApplicationScoped
    NodeRuntime runtime(ProvisioningConfig config, Instance<LocalNodeRuntime> local,
            Instance<KubernetesClient> kubernetes, Clock clock) {
        if (config.runtime() == ProvisioningConfig.Runtime.LOCAL) {
            return local.get();
        }
        KubernetesClient client = kubernetes.get();
        KubernetesSettings settings = KubernetesSettings.of(config, client.getNamespace());
        NodeCache cache = new NodeCache(client, settings.namespace()).start();
        return new KubernetesNodeRuntime(client, settings, cache, clock);
    }

    void closeRuntime(@Disposes NodeRuntime runtime) {
        if (runtime instanceof KubernetesNodeRuntime kubernetes) {
            kubernetes.closeCache();
        }
    }

    @Produces
    @ApplicationScoped
    LeaderGate leader(ProvisioningConfig config, Instance<DatabaseLeaseGate> database,
            Instance<KubernetesClient> kubernetes) {
        if (config.runtime() == ProvisioningConfig.Runtime.LOCAL) {
            return database.get();
        }
        KubernetesClient client = kubernetes.get();
        ProvisioningConfig.Kubernetes k = config.kubernetes();
        String identity = config.identity().orElseGet(RuntimeProducers::defaultIdentity);
        return new KubernetesLeaseGate(client, KubernetesSettings.leaseNamespace(config, client.getNamespace()),
                k.leaseName(), identity, k.leaseDuration(), k.renewDeadline(), k.retryPeriod()).start();
    }

    void closeLeader(@Disposes LeaderGate gate) {
        if (gate instanceof KubernetesLeaseGate lease) {
            lease.close();
        }
    }

    private static String defaultIdentity() {
        String host = System.getenv().getOrDefault("HOSTNAME", "provisioning");
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Produces
    @ApplicationScoped
    NodeLifecycle lifecycle(ProvisioningConfig config) {
        return new NodeLifecycle(config.provisionTimeout(), config.healthInterval());
    }
}
