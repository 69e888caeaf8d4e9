package network.omniphi.provisioning.infra.kubernetes.builders;

import static network.omniphi.provisioning.infra.kubernetes.builders.NodeFixtures.NAME;
import static network.omniphi.provisioning.infra.kubernetes.builders.NodeFixtures.assertOwnedAndLabelled;
import static network.omniphi.provisioning.infra.kubernetes.builders.NodeFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Service;

/** The node's internal RPC Service: ClusterIP, reached only inside the cluster (the NetworkPolicy narrows it). */
class NodeRpcServiceBuilderTest {

    @Test
    void rpcIsAnInternalClusterIpServiceForRpcAndGrpc() {
        Service rpc = NodeRpcServiceBuilder.build(resource(true));

        assertOwnedAndLabelled(rpc);
        assertThat(rpc.getMetadata().getName()).isEqualTo(NAME + "-rpc");
        assertThat(rpc.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(rpc.getSpec().getPorts()).extracting(p -> p.getName() + ":" + p.getPort())
                .containsExactly("rpc:26657", "grpc:9090");
    }
}
