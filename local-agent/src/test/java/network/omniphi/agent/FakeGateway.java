package network.omniphi.agent;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import network.omniphi.devnode.Json;

/**
 * The two gateway endpoints the agent calls, played by the test: heartbeats are checked with a second Ed25519
 * implementation (the JDK's) over a canonical text built here independently, and recorded.
 */
final class FakeGateway implements AutoCloseable {

    /** One heartbeat as received. */
    record Received(Instant receivedAt, Instant timestamp, String wallet, String pubkey, long height, long uptime,
            long rpcPort, boolean signatureValid) {
    }

    enum Mode {
        NOT_LINKED, ACCEPT
    }

    final List<Received> heartbeats = new CopyOnWriteArrayList<>();
    volatile Mode mode = Mode.NOT_LINKED;
    /** What GET /heartbeat answers, made at request time: null = 404 heartbeat-not-found. */
    volatile java.util.function.Supplier<String> lastHeard;
    private final HttpServer server;

    FakeGateway(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 20);
        server.createContext("/api/v1/validators/heartbeat", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port();
    }

    List<Received> since(Instant t) {
        List<Received> out = new ArrayList<>();
        heartbeats.stream().filter(h -> h.receivedAt().isAfter(t)).forEach(out::add);
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if ("GET".equals(ex.getRequestMethod())) {
                String query = URLDecoder.decode(ex.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
                String json = lastHeard == null ? null : lastHeard.get();
                if (json == null) {
                    reply(ex, 404, "{\"status\":404,\"code\":\"heartbeat-not-found\",\"detail\":\"" + query + "\"}");
                } else {
                    reply(ex, 200, json);
                }
                return;
            }
            Object body = Json.parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String canonical = "{\"blockHeight\":" + Json.at(body, "blockHeight") + ",\"consensusPubkey\":\""
                    + Json.string(body, "consensusPubkey") + "\",\"localP2pPort\":" + Json.at(body, "localP2pPort")
                    + ",\"localRpcPort\":" + Json.at(body, "localRpcPort") + ",\"timestamp\":\""
                    + Json.string(body, "timestamp") + "\",\"uptimeSeconds\":" + Json.at(body, "uptimeSeconds")
                    + ",\"walletAddress\":\"" + Json.string(body, "walletAddress") + "\"}";
            boolean valid = verify(Base64.getDecoder().decode(Json.string(body, "consensusPubkey")),
                    canonical.getBytes(StandardCharsets.UTF_8),
                    Base64.getDecoder().decode(Json.string(body, "signature")));
            heartbeats.add(new Received(Instant.now(), Instant.parse(Json.string(body, "timestamp")),
                    Json.string(body, "walletAddress"), Json.string(body, "consensusPubkey"),
                    (Long) Json.at(body, "blockHeight"), (Long) Json.at(body, "uptimeSeconds"),
                    (Long) Json.at(body, "localRpcPort"), valid));
            if (mode == Mode.NOT_LINKED) {
                reply(ex, 403, "{\"type\":\"https://omniphi.network/problems/consensus-key-not-linked\",\"status\":"
                        + "403,\"code\":\"consensus-key-not-linked\",\"detail\":\"no live setup links this key\"}");
            } else {
                reply(ex, 202, "{\"status\":\"accepted\"}");
            }
        } catch (RuntimeException e) {
            reply(ex, 400, "{\"code\":\"invalid-heartbeat\"}");
        }
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    /** JDK Ed25519 verification from the 32 RFC 8032 public key bytes. */
    static boolean verify(byte[] pub, byte[] message, byte[] signature) {
        try {
            Signature jdk = Signature.getInstance("Ed25519");
            jdk.initVerify(jdkKey(pub));
            jdk.update(message);
            return jdk.verify(signature);
        } catch (Exception e) {
            return false;
        }
    }

    static PublicKey jdkKey(byte[] encoded) throws Exception {
        byte[] reversed = new byte[32];
        for (int i = 0; i < 32; i++) {
            reversed[i] = encoded[31 - i];
        }
        boolean xOdd = (reversed[0] & 0x80) != 0;
        reversed[0] &= 0x7f;
        return KeyFactory.getInstance("Ed25519").generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519,
                new EdECPoint(xOdd, new BigInteger(1, reversed))));
    }
}
