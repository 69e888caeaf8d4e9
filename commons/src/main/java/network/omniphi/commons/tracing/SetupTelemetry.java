package network.omniphi.commons.tracing;

import java.util.UUID;

import org.jboss.logging.MDC;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;

/**
 * What ties telemetry to one setup: the span attribute {@value #ATTRIBUTE_NAME} and the log MDC key {@value #MDC_KEY}
 * (the JSON console log prints every MDC entry). Set wherever the work for one setup runs: an HTTP request with a
 * setup id in its path ({@link SetupRequestFilter}), a Kafka consumer applying an event of a setup
 * ({@link network.omniphi.commons.inbox.EventIntake}), the reconcile and health check of a setup's node.
 * <p>
 * On a Vert.x duplicated context (HTTP requests, Kafka records) Quarkus keeps the MDC in that context's local data, so
 * the value follows the work across Mutiny hops and never leaks into another request; on a plain worker thread it is
 * thread-local, and {@link #clearMdc()} must run when the work ends.
 */
public final class SetupTelemetry {

    public static final String ATTRIBUTE_NAME = "omniphi.setup_request_id";
    public static final AttributeKey<String> ATTRIBUTE = AttributeKey.stringKey(ATTRIBUTE_NAME);
    public static final String MDC_KEY = "setupRequestId";

    private SetupTelemetry() {
    }

    /**
     * Whether {@code value} is a setup request id (the gateway makes them as UUIDs). Kafka record keys are the setup
     * request id except for heartbeats of local nodes without a setup, which are keyed by wallet address.
     */
    public static boolean isSetupRequestId(String value) {
        if (value == null || value.length() != 36) {
            return false;
        }
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Tags the current span and the log context with the setup; ignores anything that is not a setup id. */
    public static void tag(String setupRequestId) {
        if (!isSetupRequestId(setupRequestId)) {
            return;
        }
        Span.current().setAttribute(ATTRIBUTE, setupRequestId);
        MDC.put(MDC_KEY, setupRequestId);
    }

    /** Removes the setup from the log context. */
    public static void clearMdc() {
        MDC.remove(MDC_KEY);
    }
}
