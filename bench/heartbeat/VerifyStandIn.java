import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The verify-only stand-in of the heartbeat benchmark (a baseline, not a service):
 * {@code java -cp bcprov.jar VerifyStandIn.java <port>}. A JDK HTTP server on 127.0.0.1 that answers
 * {@code POST /api/v1/validators/heartbeat} with 202 when the body's ed25519 signature verifies and 401 otherwise, and
 * stores nothing. It is the least work a heartbeat can cost on this machine: read the body, find the key and the
 * signature, rebuild the signed bytes, one BouncyCastle verification. The bodies are the ones {@code GenHeartbeats}
 * writes (the canonical JSON of docs/heartbeat-protocol.md with {@code "signature"} appended last), so the signed bytes
 * are the body without its signature member; the real service parses and checks every field instead.
 */
public class VerifyStandIn {

    private static final byte[] ACCEPTED = "{\"status\":\"accepted\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] REFUSED = "{\"status\":401,\"code\":\"signature-invalid\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = ",\"signature\":\"";
    private static final String PUBKEY = "\"consensusPubkey\":\"";

    public static void main(String[] args) throws IOException {
        Ed25519.precompute();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.parseInt(args[0])), 1024);
        server.createContext("/api/v1/validators/heartbeat", VerifyStandIn::handle);
        server.createContext("/ready", exchange -> answer(exchange, 200, ACCEPTED));
        // one worker per core plus one, as a tuned blocking server would run
        server.setExecutor(Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors() + 1));
        server.start();
        System.out.println("verify-only stand-in on 127.0.0.1:" + args[0]);
    }

    private static void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        boolean valid = verifies(new String(body, StandardCharsets.UTF_8));
        answer(exchange, valid ? 202 : 401, valid ? ACCEPTED : REFUSED);
    }

    /** The signature of the body's consensus key over the body without its trailing signature member. */
    static boolean verifies(String body) {
        int sig = body.lastIndexOf(SIGNATURE);
        int key = body.indexOf(PUBKEY);
        if (sig < 0 || key < 0 || !body.endsWith("\"}")) {
            return false;
        }
        try {
            byte[] pub = Base64.getDecoder().decode(body.substring(key + PUBKEY.length(),
                    body.indexOf('"', key + PUBKEY.length())));
            byte[] signature = Base64.getDecoder().decode(body.substring(sig + SIGNATURE.length(),
                    body.length() - 2));
            byte[] signed = (body.substring(0, sig) + "}").getBytes(StandardCharsets.UTF_8);
            return pub.length == Ed25519.PUBLIC_KEY_SIZE && signature.length == Ed25519.SIGNATURE_SIZE
                    && Ed25519.verify(signature, 0, pub, 0, signed, 0, signed.length);
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            return false;
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
