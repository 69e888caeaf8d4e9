package network.omniphi.provisioning.infra.kubernetes.builders;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;

import network.omniphi.provisioning.domain.NodeNames;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeResource;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeSpec;

/**
 * The node's StatefulSet: at most one replica (one when running, zero when stopped), a StatefulSet so the single
 * pod identity is never doubled during updates (no surge, unlike a Deployment), an init container that creates the
 * consensus key on the data volume only if none is there, probes, resources and a locked-down security context.
 */
public final class NodeStatefulSetBuilder {

    private NodeStatefulSetBuilder() {
    }

    public static StatefulSet build(ValidatorNodeResource cr) {
        String name = NodeObjects.name(cr);
        return new StatefulSetBuilder().withMetadata(NodeObjects.owned(cr, "node"))
                .withNewSpec()
                .withReplicas(cr.getSpec().running ? 1 : 0)
                .withServiceName(NodeNames.child(name, "rpc"))
                .withPodManagementPolicy("OrderedReady")
                .withNewUpdateStrategy().withType("RollingUpdate").endUpdateStrategy()
                .withNewSelector().withMatchLabels(NodeNames.selector(name)).endSelector()
                .withNewTemplate()
                .withNewMetadata().withLabels(NodeObjects.labels(cr)).endMetadata()
                .withNewSpec()
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withTerminationGracePeriodSeconds(30L)
                .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(10001L).withFsGroup(10001L)
                .endSecurityContext()
                .withInitContainers(initContainer(cr))
                .withContainers(nodeContainer(cr))
                .addNewVolume().withName("data").withNewPersistentVolumeClaim()
                .withClaimName(NodeNames.child(name, "data")).endPersistentVolumeClaim().endVolume()
                .addNewVolume().withName("config").withNewConfigMap().withName(NodeNames.child(name, "config"))
                .endConfigMap().endVolume()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    private static Container initContainer(ValidatorNodeResource cr) {
        List<String> command = new ArrayList<>(NodeObjects.nodeCommand("init"));
        command.addAll(List.of("--home", NodeObjects.DATA_PATH, "--moniker", cr.getSpec().moniker, "--chain-id",
                cr.getSpec().chainId));
        return new ContainerBuilder().withName("init-home").withImage(cr.getSpec().image).withCommand(command)
                .withVolumeMounts(mounts()).withResources(resources(cr.getSpec().resources))
                .withNewSecurityContext().withAllowPrivilegeEscalation(false).withReadOnlyRootFilesystem(true)
                .withNewCapabilities().withDrop("ALL").endCapabilities().endSecurityContext()
                .build();
    }

    private static Container nodeContainer(ValidatorNodeResource cr) {
        List<String> command = new ArrayList<>(NodeObjects.nodeCommand("start"));
        command.addAll(List.of("--home", NodeObjects.DATA_PATH, "--rpc-port", Integer.toString(NodeObjects.RPC_PORT),
                "--p2p-port", Integer.toString(NodeObjects.P2P_PORT), "--grpc-port",
                Integer.toString(NodeObjects.GRPC_PORT), "--chain-rpc", cr.getSpec().chainRpc, "--moniker",
                cr.getSpec().moniker, "--chain-id", cr.getSpec().chainId));
        return new ContainerBuilder().withName("node").withImage(cr.getSpec().image).withCommand(command)
                .withPorts(new ContainerPortBuilder().withName("rpc").withContainerPort(NodeObjects.RPC_PORT).build(),
                        new ContainerPortBuilder().withName("p2p").withContainerPort(NodeObjects.P2P_PORT).build(),
                        new ContainerPortBuilder().withName("grpc").withContainerPort(NodeObjects.GRPC_PORT).build())
                .withVolumeMounts(mounts())
                .withResources(resources(cr.getSpec().resources))
                .withReadinessProbe(httpProbe(5, 3))
                .withLivenessProbe(httpProbe(15, 6))
                .withStartupProbe(httpProbe(2, 90))
                .withNewSecurityContext().withAllowPrivilegeEscalation(false).withReadOnlyRootFilesystem(true)
                .withNewCapabilities().withDrop("ALL").endCapabilities().endSecurityContext()
                .build();
    }

    private static Probe httpProbe(int periodSeconds, int failureThreshold) {
        return new ProbeBuilder().withNewHttpGet().withPath("/health").withPort(new IntOrString("rpc")).endHttpGet()
                .withPeriodSeconds(periodSeconds).withTimeoutSeconds(2).withFailureThreshold(failureThreshold)
                .build();
    }

    private static List<VolumeMount> mounts() {
        return List.of(new VolumeMountBuilder().withName("data").withMountPath(NodeObjects.DATA_PATH).build(),
                new VolumeMountBuilder().withName("config").withMountPath(NodeObjects.CONFIG_PATH).withReadOnly(true)
                        .build());
    }

    static ResourceRequirements resources(ValidatorNodeSpec.NodeResources r) {
        ValidatorNodeSpec.NodeResources res = r == null ? new ValidatorNodeSpec.NodeResources() : r;
        return new ResourceRequirementsBuilder()
                .addToRequests("cpu", new Quantity(res.cpuRequest == null ? "250m" : res.cpuRequest))
                .addToRequests("memory", new Quantity(res.memoryRequest == null ? "512Mi" : res.memoryRequest))
                .addToLimits("cpu", new Quantity(res.cpuLimit == null ? "2" : res.cpuLimit))
                .addToLimits("memory", new Quantity(res.memoryLimit == null ? "1Gi" : res.memoryLimit))
                .build();
    }
}
