package network.omniphi.provisioning.infra.kubernetes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import network.omniphi.provisioning.domain.NodeNames;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeResource;

/**
 * Informers (list once, then watch) on ValidatorNodes and every kind of child they own in the node namespace,
 * children selected by the {@code app.kubernetes.io/name=omniphi-validator-node} label. The reconciler reads live
 * objects only from these caches, so a node at rest costs no API call; every add, change or delete reports the
 * affected node's setup id. Deleted ValidatorNodes are remembered (by setup id) so their node is stopped, not
 * re-created.
 */
public final class NodeCache implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(NodeCache.class);
    static final String SETUP_INDEX = "setupRequestId";

    private final KubernetesClient client;
    private final String namespace;
    private final Map<Class<?>, SharedIndexInformer<?>> informers = new ConcurrentHashMap<>();
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();
    private volatile Consumer<String> listener = id -> {
    };

    public NodeCache(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    /** Reports the setup id of every node whose resource or child changes from now on. */
    public void listen(Consumer<String> changed) {
        this.listener = changed;
    }

    /** Starts every informer and waits until each has listed its objects once. */
    public NodeCache start() {
        SharedIndexInformer<ValidatorNodeResource> nodes = client.resources(ValidatorNodeResource.class)
                .inNamespace(namespace).runnableInformer(0);
        nodes.addIndexers(Map.of(SETUP_INDEX, cr -> cr.getSpec() == null || cr.getSpec().setupRequestId == null
                ? List.of()
                : List.of(cr.getSpec().setupRequestId)));
        nodes.addEventHandler(new Handler<>(this::resourceChanged));
        informers.put(ValidatorNodeResource.class, nodes);
        child(StatefulSet.class, client.apps().statefulSets().inNamespace(namespace)
                .withLabel("app.kubernetes.io/name", NodeNames.APP_NAME).runnableInformer(0));
        child(Pod.class, client.pods().inNamespace(namespace)
                .withLabel("app.kubernetes.io/name", NodeNames.APP_NAME).runnableInformer(0));
        child(Service.class, client.services().inNamespace(namespace)
                .withLabel("app.kubernetes.io/name", NodeNames.APP_NAME).runnableInformer(0));
        child(ConfigMap.class, client.configMaps().inNamespace(namespace)
                .withLabel("app.kubernetes.io/name", NodeNames.APP_NAME).runnableInformer(0));
        child(PersistentVolumeClaim.class, client.persistentVolumeClaims().inNamespace(namespace)
                .withLabel("app.kubernetes.io/name", NodeNames.APP_NAME).runnableInformer(0));
        child(NetworkPolicy.class, client.network().v1().networkPolicies().inNamespace(namespace)
                .withLabel("app.kubernetes.io/name", NodeNames.APP_NAME).runnableInformer(0));
        // an API server that is briefly unreachable or slow at start-up is retried, never given up on
        informers.values().forEach(i -> i.exceptionHandler((started, error) -> {
            LOG.warnf("watch of %s in %s failed, retrying: %s", i.getApiTypeClass().getSimpleName(), namespace,
                    error.getMessage());
            return true;
        }));
        informers.values().forEach(i -> i.start().toCompletableFuture().join());
        LOG.infof("watching ValidatorNodes and their children in namespace %s", namespace);
        return this;
    }

    private <T extends HasMetadata> void child(Class<T> type, SharedIndexInformer<T> informer) {
        informer.addEventHandler(new Handler<>(this::childChanged));
        informers.put(type, informer);
    }

    /** The cached object of this kind and name in the node namespace. */
    @SuppressWarnings("unchecked")
    public <T extends HasMetadata> Optional<T> get(Class<T> type, String name) {
        SharedIndexInformer<T> informer = (SharedIndexInformer<T>) informers.get(type);
        return informer == null
                ? Optional.empty()
                : Optional.ofNullable(informer.getStore()
                        .getByKey(namespace + "/" + name));
    }

    /** ValidatorNodes naming this setup id, oldest first (the first one owns the node). */
    @SuppressWarnings("unchecked")
    public List<ValidatorNodeResource> resourcesOf(String setupRequestId) {
        var informer = (SharedIndexInformer<ValidatorNodeResource>) informers.get(ValidatorNodeResource.class);
        List<ValidatorNodeResource> found = new ArrayList<>(informer.getIndexer().byIndex(SETUP_INDEX,
                setupRequestId));
        found.sort(Comparator.comparing((ValidatorNodeResource r) -> String.valueOf(r.getMetadata()
                .getCreationTimestamp())).thenComparing(r -> r.getMetadata().getName()));
        return found;
    }

    /** Setup ids of every cached ValidatorNode. */
    @SuppressWarnings("unchecked")
    public List<String> setupIds() {
        var informer = (SharedIndexInformer<ValidatorNodeResource>) informers.get(ValidatorNodeResource.class);
        return informer.getIndexer().list().stream().filter(r -> r.getSpec() != null)
                .map(r -> r.getSpec().setupRequestId).distinct().toList();
    }

    /** Whether the ValidatorNode of this setup was deleted while this provisioner watched. */
    public boolean wasDeleted(String setupRequestId) {
        return deleted.contains(setupRequestId) && resourcesOf(setupRequestId).isEmpty();
    }

    private void resourceChanged(HasMetadata object, boolean gone) {
        ValidatorNodeResource cr = (ValidatorNodeResource) object;
        if (cr.getSpec() == null || cr.getSpec().setupRequestId == null) {
            return;
        }
        if (gone) {
            deleted.add(cr.getSpec().setupRequestId);
        } else {
            deleted.remove(cr.getSpec().setupRequestId);
        }
        listener.accept(cr.getSpec().setupRequestId);
    }

    private void childChanged(HasMetadata object, boolean gone) {
        String instance = object.getMetadata().getLabels() == null
                ? null
                : object.getMetadata().getLabels().get("app.kubernetes.io/instance");
        if (instance == null) {
            return;
        }
        get(ValidatorNodeResource.class, instance).filter(cr -> cr.getSpec() != null)
                .ifPresent(cr -> listener.accept(cr.getSpec().setupRequestId));
    }

    @Override
    public void close() {
        informers.values().forEach(SharedIndexInformer::close);
    }

    private interface Change {
        void on(HasMetadata object, boolean gone);
    }

    private record Handler<T extends HasMetadata>(Change change) implements ResourceEventHandler<T> {
        @Override
        public void onAdd(T obj) {
            change.on(obj, false);
        }

        @Override
        public void onUpdate(T oldObj, T newObj) {
            if (!java.util.Objects.equals(oldObj.getMetadata().getResourceVersion(),
                    newObj.getMetadata().getResourceVersion())) {
                change.on(newObj, false);
            }
        }

        @Override
        public void onDelete(T obj, boolean deletedFinalStateUnknown) {
            change.on(obj, true);
        }
    }
}
