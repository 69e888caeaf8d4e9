package network.omniphi.provisioning.infra.kubernetes;

import java.time.Instant;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import network.omniphi.provisioning.domain.Endpoints;
import network.omniphi.provisioning.domain.NodeNames;
import network.omniphi.provisioning.domain.NodeRuntime;
import network.omniphi.provisioning.domain.ProvisioningException;
import network.omniphi.provisioning.domain.RuntimeReport;
import network.omniphi.provisioning.domain.ValidatorNode;
import network.omniphi.provisioning.infra.kubernetes.builders.NodeConfigMapBuilder;
import network.omniphi.provisioning.infra.kubernetes.builders.NodeNetworkPolicyBuilder;
import network.omniphi.provisioning.infra.kubernetes.builders.NodeObjects;
import network.omniphi.provisioning.infra.kubernetes.builders.NodeP2pServiceBuilder;
import network.omniphi.provisioning.infra.kubernetes.builders.NodePvcBuilder;
import network.omniphi.provisioning.infra.kubernetes.builders.NodeRpcServiceBuilder;
import network.omniphi.provisioning.infra.kubernetes.builders.NodeStatefulSetBuilder;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeResource;

/**
 * The ValidatorNode reconciler: renders the custom resource from the node, then its children in a fixed order
 * (ConfigMap, PVC, Services, StatefulSet, NetworkPolicy) with the pure builders, applies only differences, writes the
 * status once when it changed, and reads pod readiness and failures ({@link PodDiagnosis}). Never branches on what
 * triggered it.
 */
public final class KubernetesNodeRuntime implements NodeRuntime {

    private final KubernetesClient client;
    private final KubernetesSettings settings;
    private final ResourceApplier applier;

    public KubernetesNodeRuntime(KubernetesClient client, KubernetesSettings settings) {
        this.client = client;
        this.settings = settings;
        this.applier = new ResourceApplier(client);
    }

    @Override
    public RuntimeReport apply(ValidatorNode node) {
        return reconcile(node, true);
    }

    /**
     * Scales the node to zero, keeping its volume. A node whose custom resource was never created (stopped before
     * its first reconcile) has nothing to stop, and nothing is created for it: the custom resource is always applied
     * first, so without it there are no children either.
     */
    @Override
    public RuntimeReport stop(ValidatorNode node) {
        try {
            if (client.resources(ValidatorNodeResource.class).inNamespace(settings.namespace()).withName(node.name())
                    .get() == null) {
                return RuntimeReport.stopped();
            }
        } catch (KubernetesClientException e) {
            throw new ProvisioningException.RuntimeUnavailable("Kubernetes API error " + e.getCode(), e);
        }
        return reconcile(node, false);
    }

    @Override
    public void recordStatus(ValidatorNode node) {
        try {
            ValidatorNodeResource cr = client.resources(ValidatorNodeResource.class).inNamespace(settings.namespace())
                    .withName(node.name()).get();
            if (cr != null) {
                writeStatus(cr, node);
            }
        } catch (KubernetesClientException e) {
            throw new ProvisioningException.RuntimeUnavailable("Kubernetes API error " + e.getCode(), e);
        }
    }

    @Override
    public String kind() {
        return "kubernetes";
    }

    /** How many objects this instance created or changed (tests, metrics). */
    public long writes() {
        return applier.writes();
    }

    private RuntimeReport reconcile(ValidatorNode node, boolean running) {
        try {
            ValidatorNodeResource cr = applier.apply(ValidatorNodeRenderer.render(node, running, settings), false);
            applier.apply(NodeConfigMapBuilder.build(cr), false);
            applier.apply(NodePvcBuilder.build(cr), true);
            applier.apply(NodeRpcServiceBuilder.build(cr), false);
            applier.apply(NodeP2pServiceBuilder.build(cr), false);
            applier.apply(NodeStatefulSetBuilder.build(cr), false);
            applier.apply(NodeNetworkPolicyBuilder.build(cr), false);
            writeStatus(cr, node);
            return observe(node, running);
        } catch (ResourceApplier.UnrecoverableSpecException e) {
            return RuntimeReport.failed(e.getMessage());
        } catch (KubernetesClientException e) {
            throw new ProvisioningException.RuntimeUnavailable("Kubernetes API error " + e.getCode(), e);
        }
    }

    private void writeStatus(ValidatorNodeResource cr, ValidatorNode node) {
        var desired = ValidatorNodeRenderer.status(node);
        if (!desired.equals(cr.getStatus())) {
            cr.setStatus(desired);
            applier.countWrite();
            client.resource(cr).updateStatus();
        }
    }

    private RuntimeReport observe(ValidatorNode node, boolean running) {
        String podName = NodeNames.child(node.name(), "node") + "-0";
        Pod pod = client.pods().inNamespace(settings.namespace()).withName(podName).get();
        if (!running) {
            return pod == null ? RuntimeReport.stopped() : RuntimeReport.starting("pod terminating");
        }
        if (pod == null || pod.getStatus() == null) {
            return RuntimeReport.starting("pod not created yet");
        }
        Optional<String> failure = PodDiagnosis.failure(pod, Instant.now(), settings.imagePullGrace());
        if (failure.isPresent()) {
            return RuntimeReport.failed(failure.get());
        }
        boolean ready = pod.getStatus().getConditions() != null && pod.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
        return ready
                ? new RuntimeReport(RuntimeReport.State.READY, endpoints(node), statusUrl(node), null)
                : RuntimeReport.starting(PodDiagnosis.progress(pod));
    }

    private Endpoints endpoints(ValidatorNode node) {
        String host = NodeNames.child(node.name(), "rpc") + "." + settings.namespace() + ".svc";
        String p2p = Endpoints.p2pAddress(NodeNames.child(node.name(), "p2p") + "." + settings.namespace() + ".svc",
                NodeObjects.P2P_PORT);
        return new Endpoints("http://" + host + ":" + NodeObjects.RPC_PORT, p2p, host + ":" + NodeObjects.GRPC_PORT);
    }

    private String statusUrl(ValidatorNode node) {
        return settings.statusUrlTemplate().replace("{name}", node.name()).replace("{namespace}",
                settings.namespace());
    }
}
