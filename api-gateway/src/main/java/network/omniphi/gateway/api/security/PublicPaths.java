package network.omniphi.gateway.api.security;

/** Which paths need a token and which are exempt from rate limits: the one list of public routes. */
public final class PublicPaths {

    public static final String AUTH = "/api/v1/auth/";
    static final String LOGOUT = "/api/v1/auth/logout";
    static final String VALIDATORS = "/api/v1/validators";
    static final String HEARTBEAT = "/api/v1/validators/heartbeat";

    private PublicPaths() {
    }

    /**
     * True for routes that need a wallet token: everything under /api/v1/validators except POST heartbeat (signed by
     * the node's consensus key instead) and GET heartbeat (a key's last heartbeat time, public like the chain's own
     * liveness data), and POST /api/v1/auth/logout. Health, /q/*, /docs, /openapi and the other /api/v1/auth/* routes
     * stay public.
     */
    public static boolean requiresToken(String method, String path) {
        String p = normalise(path);
        if (p.equals(LOGOUT)) {
            return true;
        }
        if (!p.equals(VALIDATORS) && !p.startsWith(VALIDATORS + "/")) {
            return false;
        }
        return !(p.equals(HEARTBEAT) && ("POST".equals(method) || "GET".equals(method)));
    }

    /** Health and management endpoints: probes must never be throttled. */
    static boolean isUnlimited(String path) {
        String p = normalise(path);
        return p.equals("/health") || p.equals("/api/v1/health") || p.startsWith("/q/");
    }

    private static String normalise(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        String p = path.startsWith("/") ? path : "/" + path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
