package network.omniphi.provisioning.infra.kubernetes;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import network.omniphi.provisioning.domain.NodeChange;
import network.omniphi.provisioning.domain.NodeStatus;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeResource;

/**
 * Kubernetes Events on a ValidatorNode, one per transition or failure, so {@code kubectl describe validatornode}
 * tells the story. Messages carry phases, heights, public keys, object names and the provisioner's own failure
 * reasons (built from kubelet reason codes), never key material. An Event that cannot be written is logged and
 * dropped: it must never block a reconcile.
 */
public final class NodeEventRecorder {

    private static final Logger LOG = Logger.getLogger(NodeEventRecorder.class);
    public static final String COMPONENT = "omniphi-provisioning";

    private final KubernetesClient client;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong written = new AtomicLong();

    public NodeEventRecorder(KubernetesClient client) {
        this.client = client;
    }

    /** An Event for a node change published on {@code validator.node.events}. */
    public void changed(ValidatorNodeResource cr, NodeChange change) {
        if (change instanceof NodeChange.Provisioning) {
            normal(cr, "Provisioning", "creating the node's objects; init creates the consensus key on its volume");
        } else if (change instanceof NodeChange.Provisioned p) {
            normal(cr, "Provisioned", "consensus key reported (" + p.consensusPubkey() + "), in sync at height "
                    + p.blockHeight());
        } else if (change instanceof NodeChange.HealthChanged h) {
            record(cr, h.status() == NodeStatus.UNHEALTHY ? "Warning" : "Normal", capitalized(h.status().name()),
                    h.detail() + " at height " + h.blockHeight());
        } else if (change instanceof NodeChange.Stopping) {
            normal(cr, "Stopping", "scaling to zero; volume and key kept");
        } else if (change instanceof NodeChange.Stopped) {
            normal(cr, "Stopped", "no pod runs; volume and key kept");
        } else if (change instanceof NodeChange.Failed f) {
            warning(cr, "Failed", f.reason());
        }
    }

    public void normal(ValidatorNodeResource cr, String reason, String message) {
        record(cr, "Normal", reason, message);
    }

    public void warning(ValidatorNodeResource cr, String reason, String message) {
        record(cr, "Warning", reason, message);
    }

    /** How many Events this instance wrote (tests). */
    public long written() {
        return written.get();
    }

    private void record(ValidatorNodeResource cr, String type, String reason, String message) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String name = cr.getMetadata().getName() + "." + Long.toHexString(System.currentTimeMillis())
                + Long.toHexString(sequence.incrementAndGet());
        Event event = new EventBuilder().withNewMetadata().withName(name)
                .withNamespace(cr.getMetadata().getNamespace()).endMetadata()
                .withNewInvolvedObject().withApiVersion(cr.getApiVersion()).withKind(cr.getKind())
                .withName(cr.getMetadata().getName()).withNamespace(cr.getMetadata().getNamespace())
                .withUid(cr.getMetadata().getUid()).withResourceVersion(cr.getMetadata().getResourceVersion())
                .endInvolvedObject()
                .withType(type).withReason(reason).withMessage(truncate(message))
                .withNewSource().withComponent(COMPONENT).endSource()
                .withReportingComponent(COMPONENT).withReportingInstance(COMPONENT)
                .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
                .build();
        try {
            client.v1().events().inNamespace(cr.getMetadata().getNamespace()).resource(event).create();
            written.incrementAndGet();
        } catch (KubernetesClientException e) {
            LOG.warnf("could not record event %s on validatornode %s: API error %d", reason,
                    cr.getMetadata().getName(), e.getCode());
        }
    }

    private static String truncate(String message) {
        String m = message == null ? "" : message;
        return m.length() > 1024 ? m.substring(0, 1024) : m;
    }

    private static String capitalized(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
