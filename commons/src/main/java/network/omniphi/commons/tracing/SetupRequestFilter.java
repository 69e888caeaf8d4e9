package network.omniphi.commons.tracing;

import java.util.List;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Tags an HTTP request that names a setup in its path ({@code .../setup-requests/{id}/...} at the gateway,
 * {@code .../nodes/{setupRequestId}} at the provisioner) with its setup: the server span Quarkus made for the
 * request gets {@value SetupTelemetry#ATTRIBUTE_NAME}, and every log line of the request carries the MDC key
 * {@value SetupTelemetry#MDC_KEY} (kept in the request's duplicated Vert.x context, also on a worker thread).
 * Runs after matching (path parameters known) and before authentication, so a refused request is tagged too. Only a
 * well-formed setup id (a UUID) is ever written into a span or a log.
 */
public class SetupRequestFilter {

    /** Path parameters that hold a setup request id. */
    static final List<String> PARAMETERS = List.of("setupRequestId", "id");

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100)
    public void tag(UriInfo uri) {
        for (String name : PARAMETERS) {
            String value = uri.getPathParameters().getFirst(name);
            if (value != null && ("setupRequestId".equals(name) || uri.getPath().contains("/setup-requests/"))) {
                SetupTelemetry.tag(value);
                return;
            }
        }
    }

    @ServerResponseFilter
    public void clear() {
        SetupTelemetry.clearMdc();
    }
}
