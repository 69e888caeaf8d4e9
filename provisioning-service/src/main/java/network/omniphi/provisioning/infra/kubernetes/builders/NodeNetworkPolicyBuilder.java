package network.omniphi.provisioning.infra.kubernetes.builders;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;

import network.omniphi.provisioning.domain.NodeNames;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeResource;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeSpec;

/**
 * The node pod's traffic, both directions. In: CometBFT RPC and gRPC only from the provisioner, chain-service and
 * heartbeat-service pods (in the services namespace); P2P from anywhere. Out, an allow-list: DNS to kube-dns; P2P
 * (26656 and every port the spec's seeds and peers name) and RPC/HTTPS (26657, 443 and the ports of the spec's RPC
 * URLs: reference node, state sync servers, genesis download) to any address except the cloud metadata service
 * (169.254.169.254, fd00:ec2::254), and to pods of any namespace for an in-cluster reference node.
 */
public final class NodeNetworkPolicyBuilder {

    public static final String METADATA_V4 = "169.254.169.254/32";
    public static final String METADATA_V6 = "fd00:ec2::254/128";
    /** The pods that may call a node's RPC and gRPC. */
    public static final List<String> RPC_CLIENTS = List.of("provisioning-service", "chain-service",
            "heartbeat-service");

    private NodeNetworkPolicyBuilder() {
    }

    public static NetworkPolicy build(ValidatorNodeResource cr, String servicesNamespace) {
        return new NetworkPolicyBuilder().withMetadata(NodeObjects.owned(cr, "network"))
                .withNewSpec()
                .withPodSelector(new LabelSelectorBuilder().withMatchLabels(NodeNames.selector(NodeObjects.name(cr)))
                        .build())
                .withPolicyTypes("Ingress", "Egress")
                .withIngress(new NetworkPolicyIngressRuleBuilder().withFrom(rpcClients(servicesNamespace))
                        .withPorts(tcp(NodeObjects.RPC_PORT), tcp(NodeObjects.GRPC_PORT)).build(),
                        new NetworkPolicyIngressRuleBuilder().withPorts(tcp(NodeObjects.P2P_PORT)).build())
                .withEgress(egress(cr.getSpec()))
                .endSpec()
                .build();
    }

    private static NetworkPolicyPeer rpcClients(String servicesNamespace) {
        return new NetworkPolicyPeerBuilder()
                .withNamespaceSelector(new LabelSelectorBuilder()
                        .addToMatchLabels("kubernetes.io/metadata.name", servicesNamespace).build())
                .withPodSelector(new LabelSelectorBuilder().withMatchExpressions(new LabelSelectorRequirementBuilder()
                        .withKey("app.kubernetes.io/name").withOperator("In").withValues(RPC_CLIENTS).build())
                        .build())
                .build();
    }

    private static List<NetworkPolicyEgressRule> egress(ValidatorNodeSpec spec) {
        List<NetworkPolicyPeer> outside = List.of(
                new NetworkPolicyPeerBuilder().withNewIpBlock().withCidr("0.0.0.0/0").withExcept(METADATA_V4)
                        .endIpBlock().build(),
                new NetworkPolicyPeerBuilder().withNewIpBlock().withCidr("::/0").withExcept(METADATA_V6)
                        .endIpBlock().build(),
                new NetworkPolicyPeerBuilder().withNamespaceSelector(new LabelSelectorBuilder().build()).build());
        NetworkPolicyEgressRule dns = new NetworkPolicyEgressRuleBuilder()
                .withTo(new NetworkPolicyPeerBuilder()
                        .withNamespaceSelector(new LabelSelectorBuilder()
                                .addToMatchLabels("kubernetes.io/metadata.name", "kube-system").build())
                        .withPodSelector(new LabelSelectorBuilder().addToMatchLabels("k8s-app", "kube-dns").build())
                        .build())
                .withPorts(new NetworkPolicyPortBuilder().withProtocol("UDP").withPort(new IntOrString(53)).build(),
                        tcp(53))
                .build();
        return List.of(dns, new NetworkPolicyEgressRuleBuilder().withTo(outside).withPorts(ports(spec)).build());
    }

    /** P2P and RPC ports the node dials: the defaults plus those named in its spec, sorted (deterministic). */
    static List<NetworkPolicyPort> ports(ValidatorNodeSpec spec) {
        Set<Integer> ports = new TreeSet<>(List.of(443, NodeObjects.P2P_PORT, NodeObjects.RPC_PORT));
        for (List<String> peers : new ArrayList<>(java.util.Arrays.asList(spec.seeds, spec.persistentPeers))) {
            if (peers != null) {
                peers.forEach(p -> port(p.substring(p.lastIndexOf(':') + 1)).ifPresent(ports::add));
            }
        }
        List<String> urls = new ArrayList<>();
        if (spec.chainRpc != null) {
            urls.add(spec.chainRpc);
        }
        if (spec.stateSync != null && spec.stateSync.rpcServers != null) {
            urls.addAll(spec.stateSync.rpcServers);
        }
        for (String url : urls) {
            try {
                URI uri = URI.create(url);
                ports.add(uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80);
            } catch (IllegalArgumentException e) {
                // the CRD pattern admits only parseable URLs; nothing to open for one that is not
            }
        }
        return ports.stream().map(NodeNetworkPolicyBuilder::tcp).toList();
    }

    private static java.util.Optional<Integer> port(String text) {
        try {
            int port = Integer.parseInt(text);
            return port > 0 && port < 65536 ? java.util.Optional.of(port) : java.util.Optional.empty();
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static NetworkPolicyPort tcp(int port) {
        return new NetworkPolicyPortBuilder().withProtocol("TCP").withPort(new IntOrString(port)).build();
    }
}
