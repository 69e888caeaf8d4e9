package network.omniphi.provisioning.infra.kubernetes.builders;

import static network.omniphi.provisioning.infra.kubernetes.builders.NodeFixtures.TOOLS;
import static network.omniphi.provisioning.infra.kubernetes.builders.NodeFixtures.gaia;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;

import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeResource;

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
