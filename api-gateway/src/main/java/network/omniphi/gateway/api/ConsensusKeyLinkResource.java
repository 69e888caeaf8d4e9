package network.omniphi.gateway.api;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import network.omniphi.commons.error.FieldError;
import network.omniphi.gateway.api.dto.LinkConsensusKeyBody;
import network.omniphi.gateway.api.dto.SetupEnvelope;
import network.omniphi.gateway.api.security.Ownership;
import network.omniphi.gateway.domain.GatewayException;
import network.omniphi.gateway.domain.link.ConsensusKeyLinkService;
import network.omniphi.gateway.domain.link.ConsensusKeyProof;

/**
 * {@code POST /api/v1/validators/setup-requests/{id}/consensus-key}: the owner links the node's consensus key to a
 * pending local setup (DESIGN.md "Local mode key link"). The access filter has already answered 401 (no valid token)
 * and 403 (an existing setup of another wallet); here the fields are validated (400) before any state is read.
 */
@Path("/api/v1/validators")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "validators")
public class ConsensusKeyLinkResource {

    private final ConsensusKeyLinkService links;

    public ConsensusKeyLinkResource(ConsensusKeyLinkService links) {
        this.links = links;
    }

    @POST
    @Path("/setup-requests/{id}/consensus-key")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "linkConsensusKey", summary = "Link the node's consensus key to a pending local setup (proof signed by that key)")
    @APIResponse(responseCode = "200", description = "Linked (or already linked to this key): {setupRequest}")
    @APIResponse(responseCode = "400", description = "Invalid or unknown field (invalid-request), or the signature does"
            + " not verify over the canonical link document (link-proof-invalid)")
    @APIResponse(responseCode = "401", description = "No valid access token")
    @APIResponse(responseCode = "403", description = "The setup belongs to another wallet (forbidden)")
    @APIResponse(responseCode = "404", description = "No such setup (setup-not-found)")
    @APIResponse(responseCode = "409", description = "Not a pending local setup (setup-not-linkable), or the key is"
            + " linked to another live setup (consensus-key-linked-elsewhere)")
    public Uni<SetupEnvelope> link(@PathParam("id") String id, LinkConsensusKeyBody body,
            @Context SecurityContext security) {
        String caller = Ownership.caller(security);
        var setupId = SetupRequestResource.uuid("id", id);
        if (body == null) {
            throw new GatewayException.InvalidRequest(List.of(new FieldError("body", "is required")));
        }
        ConsensusKeyProof proof = ConsensusKeyProof.parse(body.consensusPubkey(), body.signature());
        return links.link(setupId, caller, proof).map(s -> new SetupEnvelope(SetupJsonMapper.toJson(s)));
    }
}
