package network.omniphi.gateway.api.security;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.smallrye.mutiny.Uni;

import network.omniphi.gateway.domain.GatewayException;
import network.omniphi.gateway.domain.auth.RevokedTokens;
import network.omniphi.gateway.domain.auth.TokenVerifier;
import network.omniphi.gateway.domain.auth.VerifiedToken;

/**
 * Authentication and ownership for every matched JAX-RS route, decided on the matched route template (not the raw
 * path, so encoded or dotted paths cannot slip past). Routes under /api/v1/validators (except POST heartbeat) and
 * POST /api/v1/auth/logout need a valid Bearer token that no logout revoked; a {@code {walletAddress}} or
 * {@code {id}} path parameter must belong to the token's wallet.
 * Routes marked {@link OwnerCheckedByRoute} check the owner of their {@code {id}} on the row they read themselves.
 */
public class AccessFilter {

    private static final int MAX_TOKEN_CHARS = 4096;

    private final TokenVerifier tokens;
    private final RevokedTokens revoked;
    private final Ownership ownership;
    private final RateLimiter limiter;

    public AccessFilter(TokenVerifier tokens, RevokedTokens revoked, Ownership ownership, RateLimiter limiter) {
        this.tokens = tokens;
        this.revoked = revoked;
        this.ownership = ownership;
        this.limiter = limiter;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void authenticate(ContainerRequestContext ctx, ResourceInfo resource) {
        if (!PublicPaths.requiresToken(ctx.getMethod(), template(resource))) {
            return;
        }
        VerifiedToken token = tokens.check(bearer(ctx.getHeaderString(HttpHeaders.AUTHORIZATION)));
        if (revoked.isRevoked(token.jti())) {
            throw new GatewayException.Unauthenticated("token-revoked",
                    "The access token was revoked by a logout; log in again.");
        }
        limiter.takeWallet(token.walletAddress());
        ctx.setSecurityContext(new WalletSecurityContext(token, ctx.getSecurityContext().isSecure()));
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public Uni<Void> authorize(ContainerRequestContext ctx, ResourceInfo resource) {
        if (!(ctx.getSecurityContext() instanceof WalletSecurityContext caller)) {
            return Uni.createFrom().voidItem();
        }
        MultivaluedMap<String, String> params = ctx.getUriInfo().getPathParameters();
        ownership.requireSelf(caller.wallet(), params.getFirst("walletAddress"));
        String id = params.getFirst("id");
        return id == null || checksOwnerItself(resource)
                ? Uni.createFrom().voidItem()
                : ownership.requireSetupOwner(caller.wallet(), id);
    }

    private static boolean checksOwnerItself(ResourceInfo resource) {
        return resource != null && resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(OwnerCheckedByRoute.class);
    }

    private static String bearer(String header) {
        if (header == null || header.isBlank()) {
            throw new GatewayException.Unauthenticated("token-missing",
                    "This route needs an access token: Authorization: Bearer <token> (see /api/v1/auth).");
        }
        List<String> parts = List.of(header.trim().split(" +"));
        if (parts.size() != 2 || !parts.get(0).toLowerCase(Locale.ROOT).equals("bearer")
                || parts.get(1).length() > MAX_TOKEN_CHARS) {
            throw new GatewayException.Unauthenticated("token-invalid", "The access token is not valid.");
        }
        return parts.get(1);
    }

    static String template(ResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return "";
        }
        Path type = resource.getResourceClass().getAnnotation(Path.class);
        Path method = resource.getResourceMethod() == null
                ? null
                : resource.getResourceMethod()
                        .getAnnotation(Path.class);
        return join(type == null ? "" : type.value(), method == null ? "" : method.value());
    }

    private static String join(String a, String b) {
        String left = a.endsWith("/") ? a.substring(0, a.length() - 1) : a;
        String right = b.isEmpty() || b.startsWith("/") ? b : "/" + b;
        String joined = left + right;
        return joined.startsWith("/") ? joined : "/" + joined;
    }
}
