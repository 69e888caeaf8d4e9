package network.omniphi.gateway.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import network.omniphi.gateway.api.dto.ChallengeJson;
import network.omniphi.gateway.api.dto.LoginBody;
import network.omniphi.gateway.api.dto.TokenJson;
import network.omniphi.gateway.api.security.Ownership;
import network.omniphi.gateway.domain.auth.AuthService;
import network.omniphi.gateway.domain.auth.LoginRequest;

/** Wallet login (public): a single-use challenge, then an ADR-036 signature over it for an access token. */
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "auth", description = "Login by wallet signature (ADR-036), see docs/auth.md")
public class AuthResource {

    private final AuthService auth;

    public AuthResource(AuthService auth) {
        this.auth = auth;
    }

    @GET
    @Path("/challenge")
    @Operation(operationId = "getLoginChallenge", summary = "Issue a single-use login challenge for a wallet")
    @APIResponse(responseCode = "200", description = "The message to sign and its expiry")
    @APIResponse(responseCode = "400", description = "Invalid wallet address")
    public Uni<ChallengeJson> challenge(@QueryParam("walletAddress") String walletAddress) {
        return auth.challenge(walletAddress).map(c -> new ChallengeJson(c.nonce(), c.message(), c.expiresAt()));
    }

    @POST
    @Path("/logout")
    @Operation(operationId = "logout", summary = "Revoke the access token this request carries (its jti); later requests with it are 401")
    @APIResponse(responseCode = "204", description = "Revoked (durably); log in again for a new token")
    @APIResponse(responseCode = "401", description = "No valid token (missing, expired, or already revoked)")
    public Uni<Response> logout(@Context SecurityContext security) {
        return auth.logout(Ownership.token(security)).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "login", summary = "Exchange an ADR-036 signature over the challenge for an access token")
    @APIResponse(responseCode = "200", description = "A short-lived access token")
    @APIResponse(responseCode = "400", description = "Malformed body")
    @APIResponse(responseCode = "401", description = "Signature, address or challenge refused")
    public Uni<TokenJson> login(LoginBody body) {
        LoginBody.PubKey key = body == null ? null : body.pubKey();
        LoginRequest req = new LoginRequest(body == null ? null : body.walletAddress(),
                key == null ? null : key.type(), key == null ? null : key.value(),
                body == null ? null : body.signature(), body == null ? null : body.message());
        return auth.login(req).map(t -> new TokenJson(t.accessToken(), t.expiresAt()));
    }
}
