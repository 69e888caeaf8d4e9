package network.omniphi.gateway.api;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import network.omniphi.commons.error.DomainException;
import network.omniphi.commons.error.FieldError;
import network.omniphi.commons.json.JsonNumberGuard;
import network.omniphi.gateway.api.security.HttpGuards;
import network.omniphi.gateway.api.security.ProblemWriter;
import network.omniphi.gateway.config.HttpGuardConfig;
import network.omniphi.gateway.domain.GatewayException;
import network.omniphi.gateway.domain.heartbeat.ForwardedAnswer;
import network.omniphi.gateway.domain.heartbeat.Heartbeats;

/**
 * {@code POST /api/v1/validators/heartbeat} with a JSON body, served as a plain Vert.x route on the event loop: the
 * hottest public path (every local node, every few seconds) skips the JAX-RS machinery (request scope, context
 * propagation, filters, entity writers), which cost more CPU per heartbeat than the forward itself
 * (docs/performance.md). It does what the JAX-RS route did, in the same order: the gateway-wide Vert.x filters have
 * already applied the security headers, the body-size limit of a declared Content-Length and the per-IP rate limit
 * ({@link HttpGuards}); this route bounds a body sent without a length the same way (413), refuses number bombs with
 * 400 naming the field ({@link JsonNumberGuard}), forwards the bytes unparsed ({@link Heartbeats#forward}) and
 * answers the heartbeat service's status, Content-Type, Retry-After and body as they are, or the gateway's own
 * problem+json (502/503/504) when the service does not answer.
 *
 * <p>
 * A request that is not JSON goes on to {@link HeartbeatResource#submit}, which answers it as every JAX-RS route does
 * (415 problem+json) and also documents the operation in the OpenAPI document.
 */
@ApplicationScoped
public class HeartbeatRoute {

    static final String PATH = "/api/v1/validators/heartbeat";

    private final Heartbeats heartbeats;
    private final ProblemWriter problems;
    private final long maxBodyBytes;

    public HeartbeatRoute(Heartbeats heartbeats, ProblemWriter problems, HttpGuardConfig config) {
        this.heartbeats = heartbeats;
        this.problems = problems;
        this.maxBodyBytes = config.maxBodyBytes();
    }

    void register(@Observes Router router) {
        router.post(PATH).handler(this::submit);
    }

    void submit(RoutingContext rc) {
        if (!isJson(rc.request().getHeader("Content-Type"))) {
            rc.next();
            return;
        }
        HttpServerRequest request = rc.request();
        Buffer body = Buffer.buffer(512);
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + chunk.length() > maxBodyBytes) {
                refused[0] = true;
                problems.write(rc, new GatewayException.PayloadTooLarge(maxBodyBytes));
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(e -> refused[0] = true); // the connection failed: nothing to answer
        request.endHandler(v -> {
            if (!refused[0]) {
                forward(rc, body.getBytes());
            }
        });
    }

    private void forward(RoutingContext rc, byte[] body) {
        List<FieldError> outOfRange = JsonNumberGuard.check(body);
        if (!outOfRange.isEmpty()) {
            problems.write(rc, new GatewayException.InvalidRequest(outOfRange));
            return;
        }
        HttpServerRequest request = rc.request();
        heartbeats
                .forward(body, HttpGuards.clientIp(rc), HeartbeatResource.requestId(request.getHeader("X-Request-Id")))
                .subscribe().with(answer -> passThrough(rc.response(), answer), failure -> problems.write(rc,
                        failure instanceof DomainException known
                                ? known
                                : new GatewayException.DownstreamUnavailable("heartbeat-unavailable",
                                        "The heartbeat service could not be reached; retry shortly.", false, true,
                                        failure)));
    }

    private static void passThrough(HttpServerResponse response, ForwardedAnswer answer) {
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(answer.status());
        if (answer.contentType() != null) {
            response.putHeader("Content-Type", answer.contentType());
        }
        if (answer.retryAfter() != null) {
            response.putHeader("Retry-After", answer.retryAfter());
        }
        response.end(Buffer.buffer(answer.body()));
    }

    /** {@code application/json} with or without parameters, as {@code @Consumes(APPLICATION_JSON)} matches it. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return type.toLowerCase(Locale.ROOT).equals("application/json");
    }
}
