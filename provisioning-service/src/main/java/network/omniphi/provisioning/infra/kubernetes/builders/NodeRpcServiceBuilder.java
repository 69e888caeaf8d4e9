package network.omniphi.provisioning.infra.kubernetes.builders;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;

import network.omniphi.provisioning.domain.NodeNames;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeResource;

/** In-cluster Service for RPC and gRPC (ClusterIP; the NetworkPolicy limits it to our namespace). */
public final class NodeRpcServiceBuilder {

    private NodeRpcServiceBuilder() {
    }

    public static Service build(ValidatorNodeResource cr) {
        return new ServiceBuilder().withMetadata(NodeObjects.owned(cr, "rpc"))
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(NodeNames.selector(NodeObjects.name(cr)))
                .withPorts(new ServicePortBuilder().withName("rpc").withProtocol("TCP").withPort(NodeObjects.RPC_PORT)
                        .withTargetPort(new IntOrString("rpc")).build(),
                        new ServicePortBuilder().withName("grpc").withProtocol("TCP").withPort(NodeObjects.GRPC_PORT)
                                .withTargetPort(new IntOrString("grpc")).build())
                .endSpec()
                .build();
    }
}
