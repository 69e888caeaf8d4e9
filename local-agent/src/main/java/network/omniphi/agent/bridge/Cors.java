package network.omniphi.agent.bridge;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.sun.net.httpserver.Headers;

/**
 * The bridge's browser policy (Fetch standard, CORS protocol). A request without {@code Origin} (curl, scripts on this
 * machine) is served without CORS headers. A request whose {@code Origin} is one of the configured portal origins gets
 * {@code Access-Control-Allow-Origin} for exactly that origin; any other origin is refused with 403 and no CORS
 * headers, before anything runs, so a foreign page can neither read the bridge nor make it act (a "simple" POST
 * without preflight included). Preflights answer the methods and headers the portal uses, and Chrome's Private
 * Network Access request header.
 */
final class Cors {

    private final Set<String> allowed;

    Cors(List<String> origins) {
        this.allowed = origins.stream().map(Cors::normalize).collect(Collectors.toUnmodifiableSet());
    }

    /** The verdict on a request's Origin header. */
    enum Verdict {
        NO_ORIGIN, ALLOWED, FORBIDDEN
    }

    Verdict check(Headers request) {
        String origin = request.getFirst("Origin");
        if (origin == null) {
            return Verdict.NO_ORIGIN;
        }
        return allowed.contains(normalize(origin)) ? Verdict.ALLOWED : Verdict.FORBIDDEN;
    }

    void allow(Headers request, Headers response) {
        response.set("Access-Control-Allow-Origin", request.getFirst("Origin"));
        response.add("Vary", "Origin");
    }

    void preflight(Headers request, Headers response) {
        allow(request, response);
        response.set("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        response.set("Access-Control-Allow-Headers", "Content-Type");
        response.set("Access-Control-Max-Age", "600");
        if ("true".equalsIgnoreCase(request.getFirst("Access-Control-Request-Private-Network"))) {
            response.set("Access-Control-Allow-Private-Network", "true");
        }
    }

    /** scheme://host[:port] in lower case, default ports dropped; "null" and malformed origins match nothing. */
    static String normalize(String origin) {
        try {
            URI uri = URI.create(origin.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || ("https".equals(scheme) && port == 443)
                    || ("http".equals(scheme) && port == 80);
            if (host.isEmpty() || uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
                return "invalid:" + origin;
            }
            return scheme + "://" + host + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return "invalid:" + origin;
        }
    }
}
