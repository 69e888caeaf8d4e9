package network.omniphi.provisioning.infra.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import network.omniphi.provisioning.domain.NodeNames;

/**
 * What the kubelet would report for a node's pod ({@code <node>-node-0}), written into the mock API server: there is
 * no kubelet there, so tests play it. The waiting and termination messages carry made-up secrets on purpose: no
 * reason the provisioner publishes may repeat them.
 */
final class NodePods {

    static final String KUBELET_SECRET = "token=hunter2";

    private NodePods() {
    }

    /** Creates the pod with {@code status}, or replaces the status of the pod that is there. */
    static void report(KubernetesClient client, String namespace, String nodeName, PodStatus status) {
        String podName = NodeNames.child(nodeName, "node") + "-0";
        Pod live = client.pods().inNamespace(namespace).withName(podName).get();
        if (live == null) {
            client.pods().inNamespace(namespace).resource(new PodBuilder().withNewMetadata().withName(podName)
                    .withNamespace(namespace).withLabels(NodeNames.selector(nodeName)).endMetadata()
                    .withStatus(status).build()).create();
        } else {
            live.setStatus(status);
            client.pods().inNamespace(namespace).resource(live).updateStatus();
        }
    }

    /** Scheduled, init container still being created. */
    static PodStatus creating(String image) {
        return new PodStatusBuilder().withPhase("Pending")
                .withConditions(condition("PodScheduled", "True", null), condition("Initialized", "False",
                        "ContainersNotInitialized"), condition("Ready", "False", "ContainersNotReady"))
                .withInitContainerStatuses(waiting("init-home", image, "ContainerCreating", null, 0))
                .withContainerStatuses(waiting("node", image, "PodInitializing", null, 0)).build();
    }

    /** The image cannot be pulled: the init container (first to use it) backs off, the node waits behind it. */
    static PodStatus imagePullBackOff(String image) {
        return new PodStatusBuilder().withPhase("Pending")
                .withConditions(condition("PodScheduled", "True", null), condition("Initialized", "False",
                        "ContainersNotInitialized"), condition("Ready", "False", "ContainersNotReady"))
                .withInitContainerStatuses(waiting("init-home", image, "ImagePullBackOff",
                        "Back-off pulling image \"" + image + "\": 401 Unauthorized " + KUBELET_SECRET, 0))
                .withContainerStatuses(waiting("node", image, "PodInitializing", null, 0)).build();
    }

    /** Initialised, but the node container keeps exiting and the kubelet backs off restarting it. */
    static PodStatus crashLoopBackOff(String image, int restarts) {
        ContainerStatus node = new ContainerStatusBuilder(waiting("node", image, "CrashLoopBackOff",
                "back-off 2m40s restarting failed container=node", restarts)).withNewLastState().withNewTerminated()
                .withExitCode(137).withReason("OOMKilled").withMessage("panic: " + KUBELET_SECRET)
                .endTerminated().endLastState().build();
        return new PodStatusBuilder().withPhase("Running")
                .withConditions(condition("PodScheduled", "True", null), condition("Initialized", "True", null),
                        condition("Ready", "False", "ContainersNotReady"))
                .withInitContainerStatuses(new ContainerStatusBuilder().withName("init-home").withImage(image)
                        .withReady(false).withRestartCount(0).withNewState().withNewTerminated().withExitCode(0)
                        .withReason("Completed").endTerminated().endState().build())
                .withContainerStatuses(node).build();
    }

    /** No Kubernetes node can take the pod (quota, resources, a volume that cannot bind). */
    static PodStatus unschedulable() {
        return new PodStatusBuilder().withPhase("Pending").withConditions(new PodConditionBuilder()
                .withType("PodScheduled").withStatus("False").withReason("Unschedulable")
                .withMessage("0/3 nodes are available: 3 Insufficient cpu. " + KUBELET_SECRET).build()).build();
    }

    /** Running and passing its readiness probe. */
    static PodStatus ready(String image) {
        return new PodStatusBuilder().withPhase("Running")
                .withConditions(condition("PodScheduled", "True", null), condition("Initialized", "True", null),
                        condition("Ready", "True", null))
                .withContainerStatuses(new ContainerStatusBuilder().withName("node").withImage(image).withReady(true)
                        .withRestartCount(0).withNewState().withNewRunning().endRunning().endState().build())
                .build();
    }

    private static ContainerStatus waiting(String name, String image, String reason, String message, int restarts) {
        return new ContainerStatusBuilder().withName(name).withImage(image).withReady(false)
                .withRestartCount(restarts).withNewState().withNewWaiting().withReason(reason).withMessage(message)
                .endWaiting().endState().build();
    }

    private static PodCondition condition(String type, String status, String reason) {
        return new PodConditionBuilder().withType(type).withStatus(status).withReason(reason).build();
    }
}
