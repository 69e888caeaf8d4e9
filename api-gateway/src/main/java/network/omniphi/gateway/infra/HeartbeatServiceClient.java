package network.omniphi.gateway.infra;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/**
 * The heartbeat service's internal read endpoints, for {@link HttpHeartbeats} (public heartbeats are forwarded by
 * {@link HeartbeatForwarder}).
 */
@RegisterRestClient(configKey = "heartbeat-service")
public interface HeartbeatServiceClient {

    @GET
    @Path("/internal/v1/heartbeats/by-key")
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    Uni<Response> lastHeartbeat(@QueryParam("consensusPubkey") String consensusPubkey);

    @GET
    @Path("/internal/v1/heartbeats")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<JsonNode> byWallet(@QueryParam("walletAddress") String walletAddress);
}
