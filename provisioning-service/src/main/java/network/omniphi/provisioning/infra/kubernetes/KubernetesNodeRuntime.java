package network.omniphi.provisioning.infra.kubernetes;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

import network.omniphi.provisioning.domain.DeclaredNode;
import network.omniphi.provisioning.domain.Endpoints;
import network.omniphi.provisioning.domain.NodeChange;
import network.omniphi.provisioning.domain.NodeNames;
import network.omniphi.provisioning.domain.NodeRuntime;
import network.omniphi.provisioning.domain.ProvisioningException;
import network.omniphi.provisioning.domain.RuntimeReport;
import network.omniphi.provisioning.domain.Transition;
import network.omniphi.provisioning.domain.ValidatorNode;
import network.omniphi.provisioning.infra.kubernetes.builders.NodeConfigMapBuilder;
import network.omniphi.provisioning.infra.kubernetes.builders.NodeNetworkPolicyBuilder;
import network.omniphi.provisioning.infra.kubernetes.builders.NodeObjects;
import network.omniphi.provisioning.infra.kubernetes.builders.NodeP2pServiceBuilder;
import network.omniphi.provisioning.infra.kubernetes.builders.NodePvcBuilder;
import network.omniphi.provisioning.infra.kubernetes.builders.NodeRpcServiceBuilder;
import network.omniphi.provisioning.infra.kubernetes.builders.NodeStatefulSetBuilder;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeResource;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeSpec;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeStatus;

/**
 * The ValidatorNode reconciler. The ValidatorNode is the node's source of truth: one applied with kubectl is
 * provisioned like one the provisioner creates for a setup request (from its node defaults, once). Reads come only from
 * the informer caches ({@link NodeCache}); children are rendered by the pure builders in a fixed order (ConfigMap,
 * PVC, Services, StatefulSet, NetworkPolicy) and written with server-side apply only where they differ; the status
 * (phase, conditions) is written once when it changed and Kubernetes Events announce each transition. Never branches
 * on what triggered it; an unchanged node costs no API call.
 */
public final class KubernetesNodeRuntime implements NodeRuntime, AutoCloseable {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(
            KubernetesNodeRuntime.class);

    private final KubernetesClient client;
    private final KubernetesSettings settings;
    private final NodeCache cache;
    private final boolean ownsCache;
    private final ResourceApplier applier;
    private final NodeEventRecorder events;
    private final Clock clock;
    private final Map<String, Instant> heightWritten = new ConcurrentHashMap<>();

    public KubernetesNodeRuntime(KubernetesClient client, KubernetesSettings settings, NodeCache cache, Clock clock) {
        this(client, settings, cache, clock, false);
    }

    private KubernetesNodeRuntime(KubernetesClient client, KubernetesSettings settings, NodeCache cache, Clock clock,
            boolean ownsCache) {
        this.client = client;
        this.settings = settings;
        this.cache = cache;
        this.ownsCache = ownsCache;
        this.applier = new ResourceApplier(client, cache);
        this.events = new NodeEventRecorder(client);
        this.clock = clock;
    }

    /** A runtime with its own freshly synced caches, as a restarted provisioner has (tests, tools). */
    public static KubernetesNodeRuntime standalone(KubernetesClient client, KubernetesSettings settings) {
        return new KubernetesNodeRuntime(client, settings, new NodeCache(client, settings.namespace()).start(),
                Clock.systemUTC(), true);
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
        if (cache.get(ValidatorNodeResource.class, node.name()).isEmpty()
                && cache.get(Pod.class, NodeNames.child(node.name(), "node") + "-0").isEmpty()) {
            return RuntimeReport.stopped();
        }
        return reconcile(node, false);
    }

    @Override
    public void recorded(Transition transition) {
        try {
            Optional<ValidatorNodeResource> cr = cache.get(ValidatorNodeResource.class, transition.node().name());
            if (cr.isPresent()) {
                writeStatus(cr.get(), transition.node());
                transition.changes().forEach(change -> events.changed(cr.get(), change));
            }
        } catch (KubernetesClientException e) {
            throw new ProvisioningException.RuntimeUnavailable("Kubernetes API error " + e.getCode(), e);
        }
    }

    @Override
    public void recordStatus(ValidatorNode node) {
        recorded(Transition.of(node));
    }

    @Override
    public boolean watchDriven() {
        return true;
    }

    @Override
    public void watch(Consumer<String> changed) {
        cache.listen(changed);
    }

    @Override
    public List<String> declaredSetupIds() {
        return cache.setupIds();
    }

    @Override
    public DeclaredNode declared(String setupRequestId) {
        List<ValidatorNodeResource> resources = cache.resourcesOf(setupRequestId);
        if (resources.isEmpty()) {
            return cache.wasDeleted(setupRequestId) ? DeclaredNode.DELETED : DeclaredNode.UNKNOWN;
        }
        ValidatorNodeResource cr = resources.get(0);
        return DeclaredNode.present(cr.getMetadata().getName(), cr.getSpec().moniker, cr.getSpec().chainId,
                cr.getSpec().running);
    }

    @Override
    public String kind() {
        return "kubernetes";
    }

    /** How many objects this instance created or changed (tests, metrics). */
    public long writes() {
        return applier.writes();
    }

    /** How many Kubernetes Events this instance wrote (tests). */
    public long eventsWritten() {
        return events.written();
    }

    private RuntimeReport reconcile(ValidatorNode node, boolean running) {
        try {
            Optional<ValidatorNodeResource> found = cache.get(ValidatorNodeResource.class, node.name());
            if (found.isEmpty() && !running) {
                return observe(node, false);
            }
            ValidatorNodeResource cr = found.isPresent() ? found.get() : create(node);
            if (!node.setupRequestId().equals(cr.getSpec().setupRequestId)) {
                return RuntimeReport.failed("validatornode " + node.name() + " belongs to another setup request");
            }
            if (!running && cr.getSpec().running) {
                cr = setRunning(cr, false);
            }
            ValidatorNodeResource effective = withRunning(cr, running);
            applyChildren(effective);
            writeStatus(cr, node);
            refuseDuplicates(node);
            return observe(node, running);
        } catch (ResourceApplier.UnrecoverableSpecException e) {
            return RuntimeReport.failed(e.getMessage());
        } catch (KubernetesClientException e) {
            throw new ProvisioningException.RuntimeUnavailable("Kubernetes API error " + e.getCode(), e);
        }
    }

    /**
     * Applies every child; one Event per outcome and reconcile ({@code Created}: what was missing, {@code Updated}:
     * what was brought back to its spec), so a new node writes one Event for its objects, not one per object.
     */
    private void applyChildren(ValidatorNodeResource cr) {
        List<String> created = new java.util.ArrayList<>();
        List<String> updated = new java.util.ArrayList<>();
        try {
            applyChild(NodeConfigMapBuilder.build(cr), false, created, updated);
            applyChild(NodePvcBuilder.build(cr), true, created, updated);
            applyChild(NodeRpcServiceBuilder.build(cr), false, created, updated);
            applyChild(NodeP2pServiceBuilder.build(cr), false, created, updated);
            applyChild(NodeStatefulSetBuilder.build(cr, settings.toolsImage()), false, created, updated);
            applyChild(NodeNetworkPolicyBuilder.build(cr, settings.servicesNamespace()), false, created, updated);
        } finally {
            if (!created.isEmpty()) {
                events.normal(cr, "Created", String.join(", ", created) + " created");
            }
            if (!updated.isEmpty()) {
                events.normal(cr, "Updated", String.join(", ", updated) + " brought back to its spec");
            }
        }
    }

    private void applyChild(HasMetadata child, boolean createOnly, List<String> created, List<String> updated) {
        ResourceApplier.Outcome outcome = applier.apply(child, createOnly);
        String what = child.getKind() + " " + child.getMetadata().getName();
        if (outcome == ResourceApplier.Outcome.CREATED) {
            created.add(what);
        } else if (outcome == ResourceApplier.Outcome.UPDATED) {
            updated.add(what);
        }
    }

    /** The ValidatorNode of a setup request, created once from the provisioner's node defaults. */
    private ValidatorNodeResource create(ValidatorNode node) {
        ValidatorNodeResource desired = ValidatorNodeRenderer.render(node, true, settings);
        applier.countWrite();
        try {
            ValidatorNodeResource created = client.resource(desired).create();
            events.changed(created, new NodeChange.Provisioning());
            return created;
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
            return client.resource(desired).get();
        }
    }

    private ValidatorNodeResource setRunning(ValidatorNodeResource cr, boolean running) {
        applier.countWrite();
        return client.resources(ValidatorNodeResource.class).inNamespace(cr.getMetadata().getNamespace())
                .withName(cr.getMetadata().getName())
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"running\":" + running + "}}");
    }

    private static ValidatorNodeResource withRunning(ValidatorNodeResource cr, boolean running) {
        if (cr.getSpec().running == running) {
            return cr;
        }
        ValidatorNodeResource copy = io.fabric8.kubernetes.client.utils.Serialization.clone(cr);
        copy.getSpec().running = running;
        return copy;
    }

    /** Later ValidatorNodes naming a setup id that already has a node: never provisioned, marked with an error. */
    private void refuseDuplicates(ValidatorNode node) {
        for (ValidatorNodeResource other : cache.resourcesOf(node.setupRequestId())) {
            if (other.getMetadata().getName().equals(node.name())) {
                continue;
            }
            ValidatorNodeStatus status = new ValidatorNodeStatus();
            status.phase = ValidatorNodeRenderer.PHASE_ERROR;
            status.message = "setupRequestId " + node.setupRequestId() + " already belongs to validatornode "
                    + node.name() + ": one node per setup request (one signer per key)";
            status.observedGeneration = other.getMetadata().getGeneration();
            status.conditions = NodeConditions.error("DuplicateSetupRequest", status.message,
                    other.getStatus() == null ? null : other.getStatus().conditions, generation(other),
                    clock.instant());
            if (!status.equals(other.getStatus())) {
                putStatus(other, status);
                events.warning(other, "DuplicateSetupRequest", status.message);
            }
        }
    }

    private void writeStatus(ValidatorNodeResource cr, ValidatorNode node) {
        Instant now = clock.instant();
        ValidatorNodeStatus current = cr.getStatus();
        ValidatorNodeStatus desired = ValidatorNodeRenderer.status(node);
        desired.observedGeneration = generation(cr);
        desired.conditions = NodeConditions.of(node, current == null ? null : current.conditions,
                desired.observedGeneration, now);
        String name = cr.getMetadata().getName();
        if (current != null && !java.util.Objects.equals(current.latestHeight, desired.latestHeight)) {
            Long height = desired.latestHeight;
            desired.latestHeight = current.latestHeight;
            Instant last = heightWritten.computeIfAbsent(name, n -> now);
            boolean onlyHeight = desired.equals(current);
            if (!onlyHeight || !now.isBefore(last.plus(settings.statusHeightInterval()))) {
                desired.latestHeight = height;
            }
        }
        if (!desired.equals(current)) {
            putStatus(cr, desired);
            heightWritten.put(name, now);
        }
    }

    private void putStatus(ValidatorNodeResource cr, ValidatorNodeStatus status) {
        LOG.debugf("writing status of validatornode %s: phase %s", cr.getMetadata().getName(), status.phase);
        ValidatorNodeResource copy = io.fabric8.kubernetes.client.utils.Serialization.clone(cr);
        copy.setStatus(status);
        applier.countWrite();
        client.resource(copy).updateStatus();
    }

    private static long generation(ValidatorNodeResource cr) {
        return cr.getMetadata().getGeneration() == null ? 0 : cr.getMetadata().getGeneration();
    }

    /** From the informer's pod cache: no API call. */
    @Override
    public java.util.OptionalInt restarts(String nodeName) {
        return cache.get(Pod.class, NodeNames.child(nodeName, "node") + "-0")
                .map(pod -> java.util.OptionalInt.of(PodDiagnosis.restarts(pod)))
                .orElse(java.util.OptionalInt.empty());
    }

    private RuntimeReport observe(ValidatorNode node, boolean running) {
        String podName = NodeNames.child(node.name(), "node") + "-0";
        Pod pod = cache.get(Pod.class, podName).orElse(null);
        if (!running) {
            return pod == null ? RuntimeReport.stopped() : RuntimeReport.starting("pod terminating");
        }
        if (pod == null || pod.getStatus() == null) {
            return RuntimeReport.starting("pod not created yet");
        }
        Optional<String> failure = PodDiagnosis.failure(pod, clock.instant(), settings.imagePullGrace());
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

    /** The spec of the node's resource as cached (for tests and diagnostics). */
    public Optional<ValidatorNodeSpec> spec(String name) {
        return cache.get(ValidatorNodeResource.class, name).map(ValidatorNodeResource::getSpec);
    }

    /** Stops the informers (service shutdown). */
    public void closeCache() {
        cache.close();
    }

    @Override
    public void close() {
        if (ownsCache) {
            cache.close();
        }
    }
}
