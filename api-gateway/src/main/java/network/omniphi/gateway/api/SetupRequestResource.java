package network.omniphi.gateway.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import network.omniphi.commons.error.FieldError;
import network.omniphi.gateway.api.dto.CreateSetupRequestBody;
import network.omniphi.gateway.api.dto.SetupEnvelope;
import network.omniphi.gateway.api.dto.SetupWithNode;
import network.omniphi.gateway.api.dto.StopRequestBody;
import network.omniphi.gateway.api.dto.WalletValidator;
import network.omniphi.gateway.api.dto.WalletValidatorPage;
import network.omniphi.gateway.api.security.OwnerCheckedByRoute;
import network.omniphi.gateway.api.security.Ownership;
import network.omniphi.gateway.domain.GatewayException;
import network.omniphi.gateway.domain.IdempotencyKey;
import network.omniphi.gateway.domain.NewSetup;
import network.omniphi.gateway.domain.SetupRequestService;
import network.omniphi.gateway.domain.SetupView;
import network.omniphi.gateway.domain.heartbeat.Heartbeats;
import network.omniphi.gateway.domain.heartbeat.WalletHeartbeats;

@Path("/api/v1/validators")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "validators", description = "Validator setup requests")
public class SetupRequestResource {

    private final SetupRequestService service;
    private final Heartbeats heartbeats;
    private final Ownership ownership;
    private final network.omniphi.gateway.domain.ChainTxService chainTx;

    public SetupRequestResource(SetupRequestService service, Heartbeats heartbeats, Ownership ownership,
            network.omniphi.gateway.domain.ChainTxService chainTx) {
        this.service = service;
        this.heartbeats = heartbeats;
        this.ownership = ownership;
        this.chainTx = chainTx;
    }

    @POST
    @Path("/setup-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createSetupRequest", summary = "Request a validator")
    @APIResponse(responseCode = "201", description = "Created, status pending")
    @APIResponse(responseCode = "400", description = "Invalid field(s), problem+json")
    @APIResponse(responseCode = "409", description = "The wallet already has a live setup")
    @APIResponse(responseCode = "422", description = "A chain rule forbids it (e.g. commission below minimum)")
    @APIResponse(responseCode = "403", description = "walletAddress is not the wallet of the access token")
    public Uni<Response> create(CreateSetupRequestBody body,
            @Parameter(description = "Optional. A retry with the same key and body answers the first request's setup"
                    + " (201, Idempotent-Replayed: true) instead of 409; the same key with another body is 422.", example = "5f0c2a4e-1d7b-4c55-9a57-0b7f3c1e8d21") @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @Context SecurityContext security) {
        NewSetup cmd = SetupCommandMapper.toCommand(body);
        ownership.requireSelf(Ownership.caller(security), cmd.walletAddress());
        return service.create(cmd, IdempotencyKey.parse(idempotencyKey))
                .map(c -> {
                    Response.ResponseBuilder r = Response
                            .created(URI.create("/api/v1/validators/setup-requests/" + c.setup().id()))
                            .entity(new SetupEnvelope(SetupJsonMapper.toJson(c.setup())));
                    return (c.replayed() ? r.header("Idempotent-Replayed", "true") : r).build();
                });
    }

    @GET
    @Path("/setup-requests/{id}")
    @Operation(operationId = "getSetupRequest", summary = "Read a setup request with its node")
    @APIResponse(responseCode = "403", description = "The setup belongs to another wallet")
    @APIResponse(responseCode = "404", description = "No such setup")
    @OwnerCheckedByRoute
    public Uni<SetupWithNode> get(@PathParam("id") String id, @Context SecurityContext security) {
        UUID setupId = uuid("id", id);
        String caller = Ownership.caller(security);
        return service.get(setupId)
                .invoke(v -> ownership.requireOwner(caller, v.setupRequest().walletAddress()))
                .flatMap(v -> chainTx.jailBudgets(List.of(v)).map(budgets -> new SetupWithNode(
                        SetupJsonMapper.toJson(v.setupRequest()), SetupJsonMapper.toJson(v.node()),
                        v.chainInfo() == null // the seed's {setupRequest, node} until the chain knows the validator
                                ? null
                                : SetupJsonMapper.toJson(v.chainInfo(),
                                        java.util.Optional.ofNullable(budgets.get(v.setupRequest().id()))))));
    }

    /** The setups (one query) and the heartbeat service's entries (one HTTP call) are fetched concurrently. */
    @GET
    @Path("/by-wallet/{walletAddress}")
    @Operation(operationId = "listWalletValidators", summary = "All setups of a wallet with node, chain (with the live"
            + " jail budget) and heartbeat state, newest first")
    public Uni<Response> byWallet(@PathParam("walletAddress") String walletAddress,
            @Parameter(description = "Page size 1..100 (default 20). With limit or cursor the answer is a page object;"
                    + " without both it is the whole array.", example = "20") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        if (limit == null && cursor == null) {
            return Uni.combine().all().unis(service.byWallet(walletAddress), heartbeats.ofWallet(walletAddress))
                    .asTuple().flatMap(t -> chainTx.jailBudgets(t.getItem1()).map(budgets -> Response.ok(t.getItem1()
                            .stream().map(v -> walletValidator(v, t.getItem2(), budgets)).toList()).build()));
        }
        return Uni.combine().all()
                .unis(service.byWalletPage(walletAddress, limit, cursor), heartbeats.ofWallet(walletAddress))
                .asTuple().flatMap(t -> chainTx.jailBudgets(t.getItem1().items()).map(budgets -> Response.ok(
                        new WalletValidatorPage(t.getItem1().items().stream()
                                .map(v -> walletValidator(v, t.getItem2(), budgets)).toList(),
                                t.getItem1().nextCursor()))
                        .build()));
    }

    private static WalletValidator walletValidator(SetupView v, WalletHeartbeats hb,
            java.util.Map<UUID, network.omniphi.gateway.domain.JailBudget> budgets) {
        return new WalletValidator(SetupJsonMapper.toJson(v.setupRequest()), SetupJsonMapper.toJson(v.node()),
                SetupJsonMapper.toJson(v.chainInfo(),
                        java.util.Optional.ofNullable(budgets.get(v.setupRequest().id()))),
                hb.forSetup(v.setupRequest().id(), v.setupRequest().consensusPubkey()).map(SetupJsonMapper::toJson)
                        .orElse(null));
    }

    @POST
    @Path("/stop")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "stopValidator", summary = "Stop a validator node (the volume and key are kept)")
    @APIResponse(responseCode = "202", description = "Stop accepted")
    @APIResponse(responseCode = "409", description = "Already stopping, stopped or failed")
    @APIResponse(responseCode = "403", description = "The setup belongs to another wallet")
    public Uni<Response> stop(StopRequestBody body, @Context SecurityContext security) {
        if (body == null || body.setupRequestId() == null) {
            throw new GatewayException.InvalidRequest(List.of(new FieldError("setupRequestId", "is required")));
        }
        UUID id = uuid("setupRequestId", body.setupRequestId());
        return ownership.requireSetupOwner(Ownership.caller(security), id.toString())
                .flatMap(v -> service.stop(id))
                .map(s -> Response.accepted(new SetupEnvelope(SetupJsonMapper.toJson(s))).build());
    }

    static UUID uuid(String field, String value) {
        try {
            UUID id = UUID.fromString(value);
            if (id.toString().equalsIgnoreCase(value)) {
                return id;
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            // reported below
        }
        throw new GatewayException.InvalidRequest(List.of(new FieldError(field, "must be a UUID")));
    }
}
