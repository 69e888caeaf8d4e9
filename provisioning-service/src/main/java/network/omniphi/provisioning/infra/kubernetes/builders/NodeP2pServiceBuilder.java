package network.omniphi.provisioning.infra.kubernetes.builders;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;

import network.omniphi.provisioning.domain.NodeNames;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeResource;

/** The P2P port exposed to peers outside the cluster (LoadBalancer by default); nothing else is exposed. */
public final class NodeP2pServiceBuilder {

    private NodeP2pServiceBuilder() {
    }

    public static Service build(ValidatorNodeResource cr) {
        String type = cr.getSpec().p2pExposure == null ? "LoadBalancer" : cr.getSpec().p2pExposure;
        return new ServiceBuilder().withMetadata(NodeObjects.owned(cr, "p2p"))
                .withNewSpec()
                .withType(type)
                .withExternalTrafficPolicy("ClusterIP".equals(type) ? null : "Local")
                .withSelector(NodeNames.selector(NodeObjects.name(cr)))
                .withPorts(new ServicePortBuilder().withName("p2p").withProtocol("TCP").withPort(NodeObjects.P2P_PORT)
                        .withTargetPort(new IntOrString("p2p")).build())
                .endSpec()
                .build();
    }
}
