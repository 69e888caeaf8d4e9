package network.omniphi.provisioning.infra.kubernetes.builders;

import static network.omniphi.provisioning.infra.kubernetes.builders.NodeFixtures.NAME;
import static network.omniphi.provisioning.infra.kubernetes.builders.NodeFixtures.SETUP;
import static network.omniphi.provisioning.infra.kubernetes.builders.NodeFixtures.TOOLS;
import static network.omniphi.provisioning.infra.kubernetes.builders.NodeFixtures.assertOwnedAndLabelled;
import static network.omniphi.provisioning.infra.kubernetes.builders.NodeFixtures.gaia;
import static network.omniphi.provisioning.infra.kubernetes.builders.NodeFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.utils.Serialization;

import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeResource;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeSpec;

/** The node ConfigMap (configure.sh only) and, across every builder, no secret material in any object. */
class NodeConfigMapBuilderTest {

    @Test
    void noObjectCarriesSecretMaterial() {
        ValidatorNodeResource cr = gaia();
        List<HasMetadata> all = List.of(NodeConfigMapBuilder.build(cr), NodePvcBuilder.build(cr),
                NodeRpcServiceBuilder.build(cr), NodeP2pServiceBuilder.build(cr),
                NodeStatefulSetBuilder.build(cr, TOOLS), NodeNetworkPolicyBuilder.build(cr, "omniphi"));
        for (HasMetadata object : all) {
            String yaml = Serialization.asYaml(object);
            assertThat(yaml).doesNotContainIgnoringCase("priv_key").doesNotContainIgnoringCase("secret")
                    .doesNotContainIgnoringCase("password").doesNotContain("PrivKeyEd25519");
        }
        assertThat(NodeStatefulSetBuilder.build(cr, TOOLS)).isEqualTo(NodeStatefulSetBuilder.build(cr, TOOLS));
        assertThat(NodeConfigMapBuilder.build(cr).getData()).containsOnlyKeys("configure.sh");
    }
}
