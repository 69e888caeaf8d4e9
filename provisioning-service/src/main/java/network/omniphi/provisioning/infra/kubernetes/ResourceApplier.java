package network.omniphi.provisioning.infra.kubernetes;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;

import network.omniphi.provisioning.domain.ProvisioningException;
import network.omniphi.provisioning.infra.kubernetes.builders.NodeObjects;

/**
 * Diff-then-apply against the informer cache: an object missing from the cache or differing in a field we render
 * (fields the API server defaults are ignored) is written with server-side apply (field manager
 * {@code omniphi-provisioning}, conflicts forced: the provisioner owns what it renders); otherwise nothing is sent.
 * Counts its writes.
 */
public final class ResourceApplier {

    private static final Logger LOG = Logger.getLogger(ResourceApplier.class);

    private final KubernetesClient client;
    private final NodeCache cache;
    private final AtomicLong writes = new AtomicLong();

    public ResourceApplier(KubernetesClient client, NodeCache cache) {
        this.client = client;
        this.cache = cache;
    }

    /**
     * Applies {@code desired}; with {@code createOnly} an existing object is never changed (PVC specs). Returns the
     * outcome: what was written, if anything.
     */
    @SuppressWarnings("unchecked")
    public <T extends HasMetadata> Outcome apply(T desired, boolean createOnly) {
        try {
            Optional<T> live = cache.get((Class<T>) desired.getClass(), desired.getMetadata().getName());
            if (live.isPresent() && (createOnly || same(desired, live.get()))) {
                return Outcome.UNCHANGED;
            }
            writes.incrementAndGet();
            LOG.debugf("applying %s %s (%s)", desired.getKind(), desired.getMetadata().getName(),
                    live.isPresent() ? "differs from the live object" : "missing");
            client.resource(desired).fieldManager(NodeObjects.FIELD_MANAGER).forceConflicts()
                    .serverSideApply();
            return live.isPresent() ? Outcome.UPDATED : Outcome.CREATED;
        } catch (KubernetesClientException e) {
            throw classify(desired, e);
        }
    }

    /** What {@link #apply} did. */
    public enum Outcome {
        UNCHANGED, CREATED, UPDATED
    }

    public long writes() {
        return writes.get();
    }

    public void countWrite() {
        writes.incrementAndGet();
    }

    static <T extends HasMetadata> boolean same(T desired, T live) {
        JsonNode want = Serialization.jsonMapper().valueToTree(desired);
        JsonNode have = Serialization.jsonMapper().valueToTree(live);
        return contained(want.path("spec"), have.path("spec")) && contained(want.path("data"), have.path("data"))
                && contained(want.path("metadata").path("labels"), have.path("metadata").path("labels"))
                && contained(want.path("metadata").path("ownerReferences"),
                        have.path("metadata").path("ownerReferences"));
    }

    /** True when every field of {@code want} is present with the same value in {@code have}. */
    static boolean contained(JsonNode want, JsonNode have) {
        if (want.isMissingNode() || want.isNull()) {
            return true;
        }
        if (want.isObject()) {
            if (!have.isObject()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!contained(field.getValue(), have.path(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (want.isArray()) {
            if (!have.isArray() || have.size() != want.size()) {
                return false;
            }
            for (int i = 0; i < want.size(); i++) {
                if (!contained(want.get(i), have.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return want.asText().equals(have.asText());
    }

    /** 400/422 (the API refuses the object) cannot be fixed by retrying; everything else may be. */
    static RuntimeException classify(HasMetadata desired, KubernetesClientException e) {
        String what = desired.getKind() + " " + desired.getMetadata().getName();
        if (e.getCode() == 400 || e.getCode() == 422) {
            return new UnrecoverableSpecException(what + " rejected by the API server: " + e.getStatus().getMessage());
        }
        return new ProvisioningException.RuntimeUnavailable(what + ": Kubernetes API error " + e.getCode(), e);
    }

    /** The rendered object is invalid; retrying the same spec will fail the same way. */
    public static final class UnrecoverableSpecException extends RuntimeException {
        public UnrecoverableSpecException(String message) {
            super(message);
        }
    }
}
