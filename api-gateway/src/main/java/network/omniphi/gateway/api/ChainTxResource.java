package network.omniphi.gateway.api;

import java.util.Base64;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

import network.omniphi.commons.error.FieldError;
import network.omniphi.gateway.api.dto.BroadcastBody;
import network.omniphi.gateway.api.dto.BroadcastJson;
import network.omniphi.gateway.api.dto.CreateValidatorTxBody;
import network.omniphi.gateway.api.dto.CreateValidatorTxJson;
import network.omniphi.gateway.api.dto.UnjailTxBody;
import network.omniphi.gateway.domain.ChainTxService;
import network.omniphi.gateway.domain.CreateValidatorTxCommand;
import network.omniphi.gateway.domain.GatewayException;
import network.omniphi.gateway.domain.UnsignedCreateValidatorTx;

/** Build the unsigned MsgCreateValidator for the wallet to sign, and broadcast the signed tx. */
@Path("/api/v1/validators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "validators")
public class ChainTxResource {

    private final ChainTxService service;
    private final ObjectMapper json;

    public ChainTxResource(ChainTxService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    @POST
    @Path("/setup-requests/{id}/create-validator-tx")
    @Operation(operationId = "buildCreateValidatorTx", summary = "Build the unsigned MsgCreateValidator (direct SignDoc and amino StdSignDoc) with pre-flight")
    @APIResponse(responseCode = "200", description = "Unsigned tx; sign it in the wallet, then POST broadcast")
    @APIResponse(responseCode = "409", description = "Setup not ready, node not in sync, key or operator taken")
    @APIResponse(responseCode = "422", description = "A chain rule forbids it (balance, min commission, ...)")
    public Uni<CreateValidatorTxJson> createValidatorTx(@PathParam("id") String id, CreateValidatorTxBody body) {
        if (body == null) {
            throw new GatewayException.InvalidRequest(List.of(new FieldError("body", "is required")));
        }
        CreateValidatorTxBody.CoinJson self = body.selfDelegation();
        CreateValidatorTxCommand cmd = new CreateValidatorTxCommand(self == null ? null : self.denom(),
                self == null ? null : self.amount(), body.maxRate(), body.maxChangeRate(), body.minSelfDelegation(),
                body.signMode(), body.identity(), body.securityContact());
        return service.build(SetupRequestResource.uuid("id", id), cmd).map(this::toJson);
    }

    @POST
    @Path("/setup-requests/{id}/unjail-tx")
    @Operation(operationId = "buildUnjailTx", summary = "Build the unsigned MsgUnjail (direct SignDoc and amino StdSignDoc) for a jailed validator")
    @APIResponse(responseCode = "200", description = "Unsigned tx; sign it in the wallet, then POST broadcast")
    @APIResponse(responseCode = "409", description = "Not jailed, still jailed (jailedUntil), tombstoned, node not"
            + " healthy or not in sync, or the setup has no validator")
    public Uni<CreateValidatorTxJson> unjailTx(@PathParam("id") String id, UnjailTxBody body) {
        return service.buildUnjail(SetupRequestResource.uuid("id", id), body == null ? null : body.signMode())
                .map(this::toJson);
    }

    @POST
    @Path("/setup-requests/{id}/broadcast")
    @Operation(operationId = "broadcastTx", summary = "Broadcast the wallet-signed TxRaw (create-validator or unjail);"
            + " idempotent: the same tx again answers the same txHash; progress follows as the setup status")
    public Uni<BroadcastJson> broadcast(@PathParam("id") String id, BroadcastBody body) {
        byte[] tx = decode(body == null ? null : body.txBytes());
        return service.broadcast(SetupRequestResource.uuid("id", id), tx)
                .map(r -> new BroadcastJson(r.txHash(), r.code(), r.height(), r.rawLog(), r.codespace()));
    }

    private CreateValidatorTxJson toJson(UnsignedCreateValidatorTx t) {
        Base64.Encoder b64 = Base64.getEncoder();
        return new CreateValidatorTxJson(
                new CreateValidatorTxJson.SignDocJson(b64.encodeToString(t.bodyBytes()),
                        b64.encodeToString(t.authInfoBytes()),
                        t.chainId(), Long.toUnsignedString(t.accountNumber())),
                amino(t.aminoSignDoc()), t.signMode(), t.gasEstimate(),
                new CreateValidatorTxJson.FeeJson(
                        List.of(new CreateValidatorTxBody.CoinJson(t.feeDenom(), t.feeAmount())),
                        Long.toUnsignedString(t.gasEstimate())),
                t.operatorAddress(), Long.toUnsignedString(t.sequence()), t.preflight());
    }

    private JsonNode amino(String doc) {
        if (doc == null) {
            return null;
        }
        try {
            return json.readTree(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chain service returned an unreadable amino sign doc", e);
        }
    }

    private static byte[] decode(String txBytes) {
        if (txBytes == null || txBytes.isBlank()) {
            throw new GatewayException.InvalidRequest(List.of(new FieldError("txBytes", "is required")));
        }
        try {
            return Base64.getDecoder().decode(txBytes);
        } catch (IllegalArgumentException e) {
            throw new GatewayException.InvalidRequest(List.of(new FieldError("txBytes", "must be base64")));
        }
    }
}
