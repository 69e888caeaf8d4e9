package network.omniphi.agent.infra;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import javax.net.ssl.SSLContext;

import network.omniphi.agent.domain.AgentException;
import network.omniphi.agent.domain.SignerCheck.LastHeard;
import network.omniphi.devnode.Json;

/**
 * The two gateway calls the agent makes, both without any user token: {@code POST /api/v1/validators/heartbeat}
 * (authenticated by the consensus-key signature, docs/heartbeat-protocol.md) and {@code GET
 * /api/v1/validators/heartbeat?consensusPubkey=} (when the gateway last heard a key, for the one-signer check).
 */
public final class GatewayClient {

    /** How one heartbeat went. */
    public enum Kind {
        ACCEPTED, NOT_LINKED, REFUSED, UNREACHABLE
    }

    /** The outcome with the gateway's status and problem code (when it answered). */
    public record Outcome(Kind kind, int status, String code, String detail) {
    }

    private final URI base;
    private final HttpClient http;
    private final Duration timeout;

    public GatewayClient(URI base, SSLContext tls, Duration timeout) {
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public URI base() {
        return base;
    }

    public Outcome sendHeartbeat(String body) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/validators/heartbeat")).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 202 || r.statusCode() == 200) {
                return new Outcome(Kind.ACCEPTED, r.statusCode(), null, null);
            }
            String code = problemField(r.body(), "code");
            String detail = problemField(r.body(), "detail");
            if (r.statusCode() == 403 && "consensus-key-not-linked".equals(code)) {
                return new Outcome(Kind.NOT_LINKED, 403, code, detail);
            }
            if (r.statusCode() >= 500) {
                return new Outcome(Kind.UNREACHABLE, r.statusCode(), code, detail);
            }
            return new Outcome(Kind.REFUSED, r.statusCode(), code, detail);
        } catch (IOException e) {
            return new Outcome(Kind.UNREACHABLE, 0, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Kind.UNREACHABLE, 0, null, "interrupted");
        }
    }

    /** When the gateway last heard this key; empty when it never did (404 heartbeat-not-found). */
    public Optional<LastHeard> lastHeard(String consensusPubkey) {
        URI uri = base.resolve("/api/v1/validators/heartbeat?consensusPubkey="
                + URLEncoder.encode(consensusPubkey, StandardCharsets.UTF_8));
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AgentException.SignerCheckFailed("cannot ask the gateway at " + base + " whether another "
                    + "machine runs this key (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentException.SignerCheckFailed("interrupted", e);
        }
        if (r.statusCode() == 404 && "heartbeat-not-found".equals(problemField(r.body(), "code"))) {
            return Optional.empty();
        }
        if (r.statusCode() != 200) {
            throw new AgentException.SignerCheckFailed("the gateway answered " + r.statusCode() + " "
                    + problemField(r.body(), "code") + " to the one-signer check", null);
        }
        try {
            Object doc = Json.parse(r.body());
            if (!consensusPubkey.equals(Json.string(doc, "consensusPubkey"))) {
                throw new AgentException.SignerCheckFailed("the gateway answered for another key", null);
            }
            return Optional.of(new LastHeard(Instant.parse(Json.string(doc, "lastHeartbeatTimestamp")),
                    Instant.parse(Json.string(doc, "lastReceivedAt"))));
        } catch (DateTimeParseException | NullPointerException | IllegalArgumentException e) {
            throw new AgentException.SignerCheckFailed("the gateway's answer to the one-signer check is malformed",
                    e);
        }
    }

    private static String problemField(String body, String field) {
        try {
            return Json.string(Json.parse(body), field);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
