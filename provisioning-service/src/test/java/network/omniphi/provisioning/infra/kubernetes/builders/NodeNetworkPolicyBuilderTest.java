package network.omniphi.provisioning.infra.kubernetes.builders;

import static network.omniphi.provisioning.infra.kubernetes.builders.NodeFixtures.assertOwnedAndLabelled;
import static network.omniphi.provisioning.infra.kubernetes.builders.NodeFixtures.gaia;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

/** The node NetworkPolicy: who may reach RPC, what the node may reach. */
class NodeNetworkPolicyBuilderTest {

    @Test
    void networkPolicyAdmitsRpcOnlyFromOurServicesAndAllowsOnlyDnsP2pAndRpcOutExceptTheMetadataService() {
        NetworkPolicy policy = NodeNetworkPolicyBuilder.build(gaia(), "omniphi");

        assertOwnedAndLabelled(policy);
        assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
        var rules = policy.getSpec().getIngress();
        assertThat(rules).hasSize(2);
        assertThat(rules.get(0).getFrom()).singleElement().satisfies(peer -> {
            assertThat(peer.getNamespaceSelector().getMatchLabels()).containsExactly(
                    Map.entry("kubernetes.io/metadata.name", "omniphi"));
            assertThat(peer.getPodSelector().getMatchExpressions()).singleElement().satisfies(e -> {
                assertThat(e.getKey()).isEqualTo("app.kubernetes.io/name");
                assertThat(e.getValues()).containsExactly("provisioning-service", "chain-service",
                        "heartbeat-service");
            });
        });
        assertThat(rules.get(0).getPorts()).extracting(p -> p.getPort().getIntVal()).containsExactly(26657, 9090);
        assertThat(rules.get(1).getFrom()).isEmpty();
        assertThat(rules.get(1).getPorts()).extracting(p -> p.getPort().getIntVal()).containsExactly(26656);

        var egress = policy.getSpec().getEgress();
        assertThat(egress).hasSize(2);
        assertThat(egress.get(0).getPorts()).extracting(p -> p.getProtocol() + "/" + p.getPort().getIntVal())
                .containsExactly("UDP/53", "TCP/53");
        assertThat(egress.get(1).getTo()).extracting(peer -> peer.getIpBlock() == null
                ? "pods"
                : peer.getIpBlock().getCidr() + " except " + peer.getIpBlock().getExcept())
                .containsExactly("0.0.0.0/0 except [169.254.169.254/32]", "::/0 except [fd00:ec2::254/128]", "pods");
        assertThat(egress.get(1).getPorts()).extracting(p -> p.getPort().getIntVal())
                .containsExactly(443, 14956, 26656, 26657);
    }
}
