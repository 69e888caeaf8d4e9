package network.omniphi.devnet.api.rpc;

import java.math.BigInteger;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import network.omniphi.devnet.config.DevnetConfig;
import network.omniphi.devnet.domain.Addresses;
import network.omniphi.devnet.domain.ChainEngine;
import network.omniphi.devnet.domain.ChainError;
import network.omniphi.devnet.domain.ChainException;
import network.omniphi.devnet.domain.Coins;
import network.omniphi.devnet.domain.state.Account;
import network.omniphi.devnet.domain.tx.Coin;

/**
 * Dev-only calls on the RPC port: {@code POST /faucet}, {@code /admin/jail}, {@code /admin/unjail}. Answer 404 unless
 * {@code devnet.dev-endpoints=true} (the default outside %prod). Errors are {@code {"error","code"}} JSON.
 */
@Path("/")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DevResource {

    private final ChainEngine engine;
    private final DevnetConfig config;

    public DevResource(ChainEngine engine, DevnetConfig config) {
        this.engine = engine;
        this.config = config;
    }

    @POST
    @Path("faucet")
    public Map<String, Object> faucet(DevRequests.Faucet request) {
        requireEnabled();
        if (request == null || request.amount() == null) {
            throw badRequest("body must be {\"address\",\"amount\":{\"denom\",\"amount\"}}");
        }
        byte[] address = Addresses.parseAccount(request.address());
        BigInteger amount = Coins.positiveAmount(new Coin(request.amount().denom(), request.amount().amount()));
        Account account = engine.fund(address, request.amount().denom(), amount);
        return RpcJson.object("address", request.address(), "accountNumber", account.number(), "balance",
                RpcJson.object("denom", request.amount().denom(), "amount",
                        account.balance(request.amount().denom()).toString()));
    }

    /**
     * A validator node's signed vote for a height (dev-node sends one per new height while in sync). Not a dev
     * endpoint: it is how the devnet learns which validators sign, for the x/slashing window. 200 {"accepted":true}.
     */
    @POST
    @Path("consensus/vote")
    public Map<String, Object> vote(DevRequests.Vote vote) {
        if (vote == null || vote.pubKey() == null || vote.height() == null || vote.signature() == null
                || !vote.height().matches("[0-9]{1,18}")) {
            throw badRequest("body must be {\"pubKey\",\"height\",\"signature\"}");
        }
        byte[] key;
        byte[] signature;
        try {
            key = java.util.Base64.getDecoder().decode(vote.pubKey());
            signature = java.util.Base64.getDecoder().decode(vote.signature());
        } catch (IllegalArgumentException e) {
            throw badRequest("pubKey and signature must be base64");
        }
        engine.vote(key, Long.parseLong(vote.height()), signature);
        return RpcJson.object("accepted", true);
    }

    @POST
    @Path("admin/jail")
    public Response jail(DevRequests.ValidatorRef request) {
        return setJailed(request, true);
    }

    @POST
    @Path("admin/unjail")
    public Response unjail(DevRequests.ValidatorRef request) {
        return setJailed(request, false);
    }

    private Response setJailed(DevRequests.ValidatorRef request, boolean jailed) {
        requireEnabled();
        if (request == null) {
            throw badRequest("body must be {\"validatorAddress\":\"omnivaloper1...\"}");
        }
        long height = engine.scheduleJail(Addresses.parseOperator(request.validatorAddress()), jailed);
        return Response.accepted(RpcJson.object("validatorAddress", request.validatorAddress(), "jailed", jailed,
                "effectiveHeight", height)).build();
    }

    private void requireEnabled() {
        if (!config.devEndpoints()) {
            throw new WebApplicationException(error(Response.Status.NOT_FOUND, "dev_endpoints_disabled",
                    "dev endpoints are disabled; start the devnet with devnet.dev-endpoints=true"));
        }
    }

    private static WebApplicationException badRequest(String message) {
        return new WebApplicationException(error(Response.Status.BAD_REQUEST, "bad_request", message));
    }

    @ServerExceptionMapper
    Response mapChainException(ChainException e) {
        Response.Status status = e.error() == ChainError.VALIDATOR_NOT_FOUND
                ? Response.Status.NOT_FOUND
                : Response.Status.BAD_REQUEST;
        return error(status, e.error().name().toLowerCase(java.util.Locale.ROOT), e.rawLog());
    }

    @ServerExceptionMapper
    Response mapWebApplicationException(WebApplicationException e) {
        if (e.getResponse().hasEntity()) {
            return e.getResponse();
        }
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        if (status == Response.Status.BAD_REQUEST) {
            return error(status, "malformed_json", "request body is not valid JSON for this call");
        }
        return error(status == null ? Response.Status.INTERNAL_SERVER_ERROR : status,
                "http_" + e.getResponse().getStatus(), e.getMessage());
    }

    static Response error(Response.Status status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(RpcJson.object("error", message, "code", code)).build();
    }
}
