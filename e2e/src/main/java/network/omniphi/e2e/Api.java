package network.omniphi.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import com.fasterxml.jackson.databind.JsonNode;

/** A small HTTP client for load tools: JSON in and out, the local stack's self-signed certificate accepted. */
final class Api {

    record Reply(int status, JsonNode body) {
    }

    private final HttpClient http;
    private final String base;

    Api(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().sslContext(trustAll()).connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    Reply get(String path, String token) throws IOException, InterruptedException {
        return send(request(path, token).GET().build());
    }

    Reply post(String path, String token, Object body) throws IOException, InterruptedException {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Stack.JSON.writeValueAsBytes(body))).build());
    }

    /** Logs in with a Java ADR-036 signature; returns the token. */
    String login(Wallet w) throws IOException, InterruptedException {
        Reply challenge = get("/api/v1/auth/challenge?walletAddress=" + w.address(), null);
        expect(challenge, 200);
        Reply token = post("/api/v1/auth/login", null,
                Adr036.loginBody(w, challenge.body().get("message").asText()));
        expect(token, 200);
        return token.body().get("accessToken").asText();
    }

    static void expect(Reply r, int status) {
        if (r.status() != status) {
            throw new IllegalStateException("expected " + status + " but got " + r.status() + ": " + r.body());
        }
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        JsonNode body = r.body().length == 0 ? null : Stack.JSON.readTree(r.body());
        return new Reply(r.statusCode(), body);
    }

    private static SSLContext trustAll() {
        try {
            TrustManager[] all = {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }};
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, all, new SecureRandom());
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
