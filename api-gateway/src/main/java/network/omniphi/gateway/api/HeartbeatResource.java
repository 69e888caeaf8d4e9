package network.omniphi.gateway.api;

import java.util.Base64;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

import network.omniphi.commons.error.FieldError;
import network.omniphi.gateway.api.dto.LastHeartbeatJson;
import network.omniphi.gateway.domain.GatewayException;
import network.omniphi.gateway.domain.heartbeat.ForwardedAnswer;
import network.omniphi.gateway.domain.heartbeat.Heartbeats;
import network.omniphi.gateway.domain.heartbeat.LastHeartbeat;

/**
 * Public heartbeat endpoints: POST is authenticated by the node's consensus-key signature (checked by the heartbeat
 * service), so it needs no wallet token; the body is forwarded verbatim and the answer passed back. GET answers a
 * key's last heartbeat time.
 */
@Path("/api/v1/validators/heartbeat")
@Tag(name = "heartbeat", description = "Signed heartbeats from local validator nodes")
public class HeartbeatResource {

    private final Heartbeats heartbeats;

    public HeartbeatResource(Heartbeats heartbeats) {
        this.heartbeats = heartbeats;
    }

    /**
     * Forwards the body's bytes to the heartbeat service as they arrived (after the gateway's per-IP rate limit, body
     * size limit and number-bomb check) and answers the service's status, Content-Type, Retry-After and body unchanged;
     * 502/503/504 problem+json when the service does not answer ({@link Heartbeats#forward}). A JSON heartbeat is
     * answered before it gets here, by the same steps on a plain Vert.x route ({@link HeartbeatRoute}); this method
     * documents the operation, answers the rest as every JAX-RS route does (415 for a body that is not JSON), and
     * forwards the same way should the route ever pass a JSON heartbeat on.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    @Operation(operationId = "submitHeartbeat", summary = "Submit a signed heartbeat (ed25519 by the consensus key over the canonical JSON)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, description = "The eight heartbeat fields of docs/heartbeat-protocol.md, forwarded as they are")))
    public Uni<Response> submit(byte[] body, HttpServerRequest request) {
        return heartbeats.forward(body, request.remoteAddress() == null ? null : request.remoteAddress().hostAddress(),
                requestId(request.getHeader("X-Request-Id")))
                .map(HeartbeatResource::passThrough);
    }

    /** The caller's X-Request-Id when it has the shape problem answers accept as a trace id (ProblemWriter). */
    static String requestId(String header) {
        return header != null && header.matches("[A-Za-z0-9._-]{1,64}") ? header : null;
    }

    /**
     * The last accepted heartbeat of one consensus key, so a local agent can refuse to start a second signer for a key
     * that another machine is running (docs/heartbeat-protocol.md, "One signer per key"). Public and rate-limited per
     * client IP like every public route.
     */
    @GET
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    @Operation(operationId = "getLastHeartbeat", summary = "Last accepted heartbeat of a consensus key (the local agent's one-signer check)")
    @APIResponse(responseCode = "200", description = "{consensusPubkey, lastHeartbeatTimestamp, lastReceivedAt}")
    @APIResponse(responseCode = "400", description = "consensusPubkey missing or not the standard base64 of 32 bytes")
    @APIResponse(responseCode = "404", description = "No heartbeat of this key is known (heartbeat-not-found)")
    public Uni<LastHeartbeatJson> last(@QueryParam("consensusPubkey") String consensusPubkey) {
        if (consensusPubkey == null || consensusPubkey.isEmpty()) {
            throw new GatewayException.InvalidRequest(List.of(new FieldError("consensusPubkey", "is required")));
        }
        if (!isKey(consensusPubkey)) {
            throw new GatewayException.InvalidRequest(List.of(new FieldError("consensusPubkey",
                    "must be the standard base64 of a 32-byte ed25519 public key (URL-encoded in the query)")));
        }
        return heartbeats.last(consensusPubkey)
                .map(last -> last.map(HeartbeatResource::toJson).orElseThrow(GatewayException.HeartbeatNotFound::new));
    }

    private static LastHeartbeatJson toJson(LastHeartbeat last) {
        return new LastHeartbeatJson(last.consensusPubkey(), last.lastHeartbeatTimestamp(),
                last.lastReceivedAt().toString());
    }

    private static boolean isKey(String text) {
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            return bytes.length == 32 && Base64.getEncoder().encodeToString(bytes).equals(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Response passThrough(ForwardedAnswer upstream) {
        Response.ResponseBuilder out = Response.status(upstream.status());
        if (upstream.contentType() != null) {
            out.header("Content-Type", upstream.contentType());
        }
        if (upstream.retryAfter() != null) {
            out.header("Retry-After", upstream.retryAfter());
        }
        return out.entity(upstream.body().length == 0 ? null : upstream.body()).build();
    }
}
