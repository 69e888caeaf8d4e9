package network.omniphi.provisioning.infra.kubernetes.builders;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;

import network.omniphi.provisioning.domain.NodeNames;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeResource;

/** Ingress to the node: RPC and gRPC only from pods of our own namespace; P2P from anywhere. */
public final class NodeNetworkPolicyBuilder {

    private NodeNetworkPolicyBuilder() {
    }

    public static NetworkPolicy build(ValidatorNodeResource cr) {
        String namespace = cr.getMetadata().getNamespace();
        return new NetworkPolicyBuilder().withMetadata(NodeObjects.owned(cr, "ingress"))
                .withNewSpec()
                .withPodSelector(new LabelSelectorBuilder().withMatchLabels(NodeNames.selector(NodeObjects.name(cr)))
                        .build())
                .withPolicyTypes("Ingress")
                .withIngress(new NetworkPolicyIngressRuleBuilder()
                        .withFrom(new NetworkPolicyPeerBuilder().withNamespaceSelector(new LabelSelectorBuilder()
                                .addToMatchLabels("kubernetes.io/metadata.name", namespace).build()).build())
                        .withPorts(port(NodeObjects.RPC_PORT), port(NodeObjects.GRPC_PORT)).build(),
                        new NetworkPolicyIngressRuleBuilder().withPorts(port(NodeObjects.P2P_PORT)).build())
                .endSpec()
                .build();
    }

    private static io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort port(int port) {
        return new NetworkPolicyPortBuilder().withProtocol("TCP").withPort(new IntOrString(port)).build();
    }
}
