package network.omniphi.provisioning.infra.kubernetes.builders;

import static network.omniphi.provisioning.infra.kubernetes.builders.NodeFixtures.assertOwnedAndLabelled;
import static network.omniphi.provisioning.infra.kubernetes.builders.NodeFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Service;

/** The node's P2P Service: the only port exposed outside the cluster. */
class NodeP2pServiceBuilderTest {

    @Test
    void p2pIsExposedAloneWithTheConfiguredServiceType() {
        Service p2p = NodeP2pServiceBuilder.build(resource(true));

        assertOwnedAndLabelled(p2p);
        assertThat(p2p.getSpec().getType()).isEqualTo("LoadBalancer");
        assertThat(p2p.getSpec().getPorts()).extracting(p -> p.getName() + ":" + p.getPort())
                .containsExactly("p2p:26656");
    }
}
