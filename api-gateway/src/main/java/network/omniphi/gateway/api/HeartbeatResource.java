package network.omniphi.gateway.api;

import java.time.Duration;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

import network.omniphi.gateway.domain.GatewayException;
import network.omniphi.gateway.infra.HeartbeatServiceClient;

/**
 * Public heartbeat endpoint: authenticated by the node's consensus-key signature (checked by the heartbeat service),
 * so it needs no wallet token. The body is forwarded verbatim and the answer passed back.
 */
@Path("/api/v1/validators/heartbeat")
@Tag(name = "heartbeat", description = "Signed heartbeats from local validator nodes")
public class HeartbeatResource {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HeartbeatServiceClient client;

    public HeartbeatResource(@RestClient HeartbeatServiceClient client) {
        this.client = client;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    @Operation(operationId = "submitHeartbeat", summary = "Submit a signed heartbeat (ed25519 by the consensus key over the canonical JSON)")
    public Uni<Response> submit(String body, HttpServerRequest request) {
        return client.submit(body, request.remoteAddress() == null ? null : request.remoteAddress().hostAddress())
                .ifNoItem().after(TIMEOUT)
                .failWith(() -> new GatewayException.DownstreamUnavailable("heartbeat-timeout",
                        "The heartbeat service did not answer in time.", true, null))
                .map(HeartbeatResource::passThrough)
                .onFailure(t -> !(t instanceof GatewayException))
                .transform(t -> new GatewayException.DownstreamUnavailable("heartbeat-unavailable",
                        "The heartbeat service is unavailable.", false, t));
    }

    private static Response passThrough(Response upstream) {
        Response.ResponseBuilder out = Response.status(upstream.getStatus());
        if (upstream.getMediaType() != null) {
            out.type(upstream.getMediaType());
        }
        String retryAfter = upstream.getHeaderString("Retry-After");
        if (retryAfter != null) {
            out.header("Retry-After", retryAfter);
        }
        return out.entity(upstream.hasEntity() ? upstream.readEntity(String.class) : null).build();
    }
}
