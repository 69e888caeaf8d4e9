package network.omniphi.provisioning.infra.kubernetes;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;

import network.omniphi.provisioning.domain.ProvisioningException;

/**
 * Diff-then-apply: creates an object when missing, updates it only when a field we render differs from the live
 * object (fields the API server defaults are ignored), and otherwise writes nothing. Counts its writes.
 */
public final class ResourceApplier {

    private final KubernetesClient client;
    private final AtomicLong writes = new AtomicLong();

    public ResourceApplier(KubernetesClient client) {
        this.client = client;
    }

    /** Applies {@code desired}; with {@code createOnly} an existing object is never changed (PVC specs). */
    public <T extends HasMetadata> T apply(T desired, boolean createOnly) {
        try {
            T live = client.resource(desired).get();
            if (live == null) {
                writes.incrementAndGet();
                return client.resource(desired).create();
            }
            if (createOnly || same(desired, live)) {
                return live;
            }
            desired.getMetadata().setResourceVersion(live.getMetadata().getResourceVersion());
            writes.incrementAndGet();
            return client.resource(desired).update();
        } catch (KubernetesClientException e) {
            throw classify(desired, e);
        }
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
