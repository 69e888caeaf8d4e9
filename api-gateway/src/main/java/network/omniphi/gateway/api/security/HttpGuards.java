package network.omniphi.gateway.api.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import network.omniphi.gateway.config.GatewayConfig;
import network.omniphi.gateway.config.HttpGuardConfig;
import network.omniphi.gateway.config.PortalConfig;
import network.omniphi.gateway.domain.GatewayException;

/**
 * Vert.x-level guards that run before any route, so they also cover 404s and bodies JAX-RS never reads: security
 * headers on every answer, the body size limit (problem+json 413) and the per-IP rate limits (problem+json 429).
 * They run after the CORS filter (priority 300), so refusals still carry CORS headers.
 */
@ApplicationScoped
public class HttpGuards {

    /** JSON answers: nothing to load, nothing to frame. */
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

    private final HttpGuardConfig config;
    private final RateLimiter limiter;
    private final ProblemWriter problems;
    private final String portalCsp;

    public HttpGuards(HttpGuardConfig config, RateLimiter limiter, ProblemWriter problems, PortalConfig portal) {
        this.config = config;
        this.limiter = limiter;
        this.problems = problems;
        this.portalCsp = portalCsp(portal.localAgentBridge());
    }

    /**
     * The web portal (static files at /): its own scripts and styles only, no inline code, API calls to this origin and
     * link-proof requests to the local agent's loopback bridge (DESIGN.md "Local mode key link"); never framed.
     */
    static String portalCsp(String localAgentBridge) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' "
                + localAgentBridge
                + "; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    /** Refuses to start with a wildcard CORS origin: the portal origins must be listed exactly. */
    void checkCors(@Observes StartupEvent start, GatewayConfig gateway) {
        if (gateway.corsOrigins().stream().anyMatch(o -> o.contains("*"))) {
            throw new IllegalStateException("omniphi.gateway.cors-origins must list exact origins, not a wildcard");
        }
    }

    void register(@Observes Filters filters) {
        filters.register(this::securityHeaders, 400);
        filters.register(this::limits, 200);
    }

    void securityHeaders(RoutingContext rc) {
        String path = rc.request().path();
        boolean secure = rc.request().isSSL();
        rc.addHeadersEndHandler(v -> {
            HttpServerResponse r = rc.response();
            r.headers().set("X-Content-Type-Options", "nosniff");
            r.headers().set("X-Frame-Options", "DENY");
            r.headers().set("Referrer-Policy", "no-referrer");
            if (config.cspExemptPrefixes().stream().noneMatch(path::startsWith)) {
                r.headers().set("Content-Security-Policy", path.startsWith("/api/") ? API_CSP : portalCsp);
            }
            if (secure) {
                r.headers().set("Strict-Transport-Security", "max-age=" + config.hstsMaxAgeSeconds());
            }
            if (path.startsWith("/api/")) {
                r.headers().set("Cache-Control", "no-store");
            }
            if (r.getStatusCode() == 401) {
                r.headers().set("WWW-Authenticate", "Bearer realm=\"omniphi\"");
            }
        });
        rc.next();
    }

    void limits(RoutingContext rc) {
        try {
            checkBodySize(rc);
            if (!PublicPaths.isUnlimited(rc.request().path())) {
                String ip = clientIp(rc);
                limiter.takeIp(ip);
                if (rc.request().path().startsWith(PublicPaths.AUTH)) {
                    limiter.takeAuth(ip);
                }
            }
        } catch (GatewayException e) {
            problems.write(rc, e);
            return;
        }
        rc.next();
    }

    private void checkBodySize(RoutingContext rc) {
        String length = rc.request().getHeader("Content-Length");
        if (length == null) {
            return;
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return; // Vert.x refuses a malformed Content-Length itself
        }
        if (bytes > config.maxBodyBytes()) {
            throw new GatewayException.PayloadTooLarge(config.maxBodyBytes());
        }
    }

    /**
     * The client's address as Vert.x resolved it (forwarded headers count only when quarkus.http.proxy trusts them).
     * An address taken from a forwarded header has no resolved {@code hostAddress} when its text is not a plain
     * literal (RFC 7239 writes IPv6 in brackets: {@code for="[2001:db8::1]:4711"}); its {@code host} text is used then,
     * which {@link ClientKeys} reads, instead of letting every such client share one "unknown" bucket.
     */
    public static String clientIp(RoutingContext rc) {
        io.vertx.core.net.SocketAddress address = rc.request().remoteAddress();
        if (address == null) {
            return "unknown";
        }
        String resolved = address.hostAddress();
        return resolved != null ? resolved : address.host();
    }
}
