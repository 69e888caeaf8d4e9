package network.omniphi.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

import network.omniphi.deploy.Manifests.Rendered;

/**
 * Issue 14.6: validator nodes run in their own namespace that holds no Secrets (a quota of zero), enforces Pod
 * Security {@code restricted} and denies traffic by default (each node's own policy, rendered by the provisioner,
 * opens what it needs); the provisioner is told to put ValidatorNodes there.
 */
class ValidatorNamespaceTest {

    static java.util.stream.Stream<String> overlays() {
        return Manifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void validatorNamespaceIsRestrictedHoldsNoSecretsAndDeniesByDefault(String overlay) {
        Rendered r = Manifests.render(overlay);
        String validators = Manifests.validatorNamespace(r);
        Namespace ns = r.one(Namespace.class, validators);
        assertThat(ns.getMetadata().getLabels()).containsEntry("pod-security.kubernetes.io/enforce", "restricted")
                .containsEntry("pod-security.kubernetes.io/warn", "restricted")
                .containsEntry("pod-security.kubernetes.io/audit", "restricted");
        ResourceQuota quota = r.one(ResourceQuota.class, "no-secrets");
        assertThat(quota.getMetadata().getNamespace()).isEqualTo(validators);
        assertThat(quota.getSpec().getHard()).containsOnlyKeys("secrets");
        assertThat(quota.getSpec().getHard().get("secrets").getAmount()).isEqualTo("0");
        List<HasMetadata> inside = r.objects().stream()
                .filter(o -> validators.equals(o.getMetadata().getNamespace())).toList();
        assertThat(inside).noneMatch(o -> o instanceof Secret);
        assertThat(inside).extracting(HasMetadata::getKind).containsExactlyInAnyOrder("ResourceQuota",
                "NetworkPolicy", "Role", "RoleBinding");
        NetworkPolicy deny = r.one(NetworkPolicy.class, "omniphi-validators-default-deny");
        assertThat(deny.getMetadata().getNamespace()).isEqualTo(validators);
        assertThat(deny.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
        assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
        assertThat(deny.getSpec().getEgress()).isNullOrEmpty();

        Map<String, String> env = r.one(ConfigMap.class, "provisioning-service-config").getData();
        assertThat(env).containsEntry("OMNIPHI_PROVISIONING_KUBERNETES_NAMESPACE", validators)
                .containsKeys("OMNIPHI_PROVISIONING_KUBERNETES_IMAGE", "OMNIPHI_PROVISIONING_KUBERNETES_BINARY");
        assertThat(Manifests.servicesNamespace(r)).isNotEqualTo(validators);
    }
}
