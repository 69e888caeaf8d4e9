package network.omniphi.agent.bridge;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import network.omniphi.agent.domain.AgentException;
import network.omniphi.codec.Bech32;
import network.omniphi.devnode.Json;

/**
 * The HTTP bridge the portal talks to, on {@code 127.0.0.1} only (the address is not configurable, the port is):
 * {@code GET /health}, {@code GET /status}, {@code POST /link-proof}, {@code POST /stop}. Requests naming another
 * {@code Host} than the bridge's own are refused (DNS rebinding); browser origins follow {@link Cors}. Errors are RFC
 * 9457 problem documents.
 */
public final class BridgeServer implements AutoCloseable {

    public static final int DEFAULT_PORT = 15000;
    static final int MAX_BODY_BYTES = 4096;
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Set<String> LINK_FIELDS = Set.of("setupRequestId", "walletAddress", "chainId");
    private static final Logger LOG = Logger.getLogger(BridgeServer.class.getName());

    private final BridgeBackend backend;
    private final Cors cors;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "omniphi-agent-bridge");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> hosts;

    public BridgeServer(BridgeBackend backend, int port, List<String> portalOrigins) {
        this.backend = backend;
        this.cors = new Cors(portalOrigins);
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[]{127, 0, 0, 1}),
                    port), 20);
        } catch (IOException e) {
            throw new AgentException.CannotStart("the bridge cannot listen on 127.0.0.1:" + port + " ("
                    + e.getMessage() + "); is another agent running?", e);
        }
        int bound = server.getAddress().getPort();
        this.hosts = Set.of("127.0.0.1:" + bound, "localhost:" + bound);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
    }

    public void start() {
        server.start();
        LOG.info(() -> "bridge listening on http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String host = ex.getRequestHeaders().getFirst("Host");
            if (host == null || !hosts.contains(host.toLowerCase(java.util.Locale.ROOT))) {
                problem(ex, Problem.of(403, "host-not-allowed", "Host not allowed",
                        "the bridge answers only requests addressed to 127.0.0.1 or localhost"));
                return;
            }
            Cors.Verdict origin = cors.check(ex.getRequestHeaders());
            if (origin == Cors.Verdict.FORBIDDEN) {
                problem(ex, Problem.of(403, "origin-not-allowed", "Origin not allowed",
                        "this page's origin is not a configured portal origin"));
                return;
            }
            if (origin == Cors.Verdict.ALLOWED) {
                if ("OPTIONS".equals(ex.getRequestMethod())) {
                    cors.preflight(ex.getRequestHeaders(), ex.getResponseHeaders());
                    ex.sendResponseHeaders(204, -1);
                    return;
                }
                cors.allow(ex.getRequestHeaders(), ex.getResponseHeaders());
            }
            route(ex);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "bridge request failed", e);
            problem(ex, Problem.of(500, "internal-error", "Internal error", "the agent could not answer"));
        }
    }

    private void route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        switch (path) {
            case "/health" -> {
                if (allow(ex, "GET")) {
                    json(ex, 200, Map.of("status", "UP"));
                }
            }
            case "/status" -> {
                if (allow(ex, "GET")) {
                    json(ex, 200, backend.status());
                }
            }
            case "/link-proof" -> {
                if (allow(ex, "POST")) {
                    linkProof(ex);
                }
            }
            case "/stop" -> {
                if (allow(ex, "POST")) {
                    json(ex, 202, Map.of("status", "stopping"));
                    Thread stopper = new Thread(backend::stop, "omniphi-agent-stop");
                    stopper.start();
                }
            }
            default -> problem(ex, Problem.of(404, "not-found", "Not found", "no such bridge resource: " + path
                    + " (" + method + ")"));
        }
    }

    private boolean allow(HttpExchange ex, String method) throws IOException {
        if (method.equals(ex.getRequestMethod())) {
            return true;
        }
        ex.getResponseHeaders().set("Allow", method + ", OPTIONS");
        problem(ex, Problem.of(405, "method-not-allowed", "Method not allowed", ex.getRequestMethod()
                + " is not allowed here; use " + method));
        return false;
    }

    private void linkProof(HttpExchange ex) throws IOException {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            problem(ex, Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "send the request as application/json"));
            return;
        }
        byte[] raw = readBody(ex.getRequestBody());
        if (raw == null) {
            problem(ex, invalid(List.of(new Problem.FieldError("body", "is larger than " + MAX_BODY_BYTES
                    + " bytes"))));
            return;
        }
        Object doc;
        try {
            doc = Json.parse(new String(raw, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            doc = null;
        }
        if (!(doc instanceof Map<?, ?> body)) {
            problem(ex, invalid(List.of(new Problem.FieldError("body", "must be one JSON object"))));
            return;
        }
        List<Problem.FieldError> errors = check(body);
        if (!errors.isEmpty()) {
            problem(ex, invalid(errors));
            return;
        }
        json(ex, 200, backend.linkProof((String) body.get("setupRequestId"), (String) body.get("walletAddress")));
    }

    private List<Problem.FieldError> check(Map<?, ?> body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Object name : body.keySet()) {
            if (!LINK_FIELDS.contains(name)) {
                errors.add(new Problem.FieldError(name.toString(), "is not a field of this request"));
            }
        }
        String setup = text(body, "setupRequestId", errors);
        if (setup != null && !UUID.matcher(setup).matches()) {
            errors.add(new Problem.FieldError("setupRequestId", "must be a setup request id (lower-case UUID)"));
        }
        String wallet = text(body, "walletAddress", errors);
        if (wallet != null) {
            if (Bech32.addressBytes(wallet, "omni").isEmpty()) {
                errors.add(new Problem.FieldError("walletAddress", "must be a lower-case bech32 omni1... account "
                        + "address with a valid checksum"));
            }
        }
        String chain = text(body, "chainId", errors);
        if (chain != null && !chain.equals(backend.chainId())) {
            errors.add(new Problem.FieldError("chainId", "this node runs on " + backend.chainId()));
        }
        return errors;
    }

    private static String text(Map<?, ?> body, String field, List<Problem.FieldError> errors) {
        Object value = body.get(field);
        if (value == null) {
            errors.add(new Problem.FieldError(field, "is required"));
            return null;
        }
        if (!(value instanceof String s) || s.isEmpty()) {
            errors.add(new Problem.FieldError(field, "must be a non-empty string"));
            return null;
        }
        return s;
    }

    private static Problem invalid(List<Problem.FieldError> errors) {
        return new Problem(400, "invalid-link-proof-request", "Invalid link proof request",
                "the request names the wrong fields or values; see errors", errors);
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        return bytes.length > MAX_BODY_BYTES ? null : bytes;
    }

    private static void json(HttpExchange ex, int status, Map<String, Object> body) throws IOException {
        send(ex, status, "application/json", Json.write(body));
    }

    private static void problem(HttpExchange ex, Problem p) throws IOException {
        send(ex, p.status(), Problem.MEDIA_TYPE, Json.write(p.toJson(ex.getRequestURI().getPath())));
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
