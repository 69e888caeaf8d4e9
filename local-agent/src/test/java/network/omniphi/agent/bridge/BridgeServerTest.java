package network.omniphi.agent.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import network.omniphi.devnode.Json;

/** The bridge's HTTP surface with a recording backend: loopback only, origins, preflight, validation, problems. */
class BridgeServerTest {

    static final String PORTAL = "https://localhost:8443";
    static final String WALLET = "omni1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnnuqsyd";
    static final String SETUP = "0b5a1f9e-3c2d-4e8f-9a7b-6c5d4e3f2a1b";

    private final HttpClient http = HttpClient.newHttpClient();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<String> linked = Collections.synchronizedList(new java.util.ArrayList<>());
    private BridgeServer bridge;

    @BeforeEach
    void start() {
        bridge = new BridgeServer(new BridgeBackend() {
            @Override
            public Map<String, Object> status() {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("consensusPubkey", "pub");
                s.put("nodeHeight", 7L);
                return s;
            }

            @Override
            public String chainId() {
                return "omniphi-devnet-1";
            }

            @Override
            public Map<String, Object> linkProof(String setupRequestId, String walletAddress) {
                linked.add(setupRequestId + " " + walletAddress);
                return new java.util.TreeMap<>(Map.of("consensusPubkey", "pub", "signature", "sig"));
            }

            @Override
            public void stop() {
                stopped.countDown();
            }
        }, 0, List.of(PORTAL, "http://localhost:5173"));
        bridge.start();
    }

    @AfterEach
    void close() {
        bridge.close();
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        assertThat(bridge.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(i -> !isLoopback(i)).flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address).findFirst();
        if (external.isPresent()) {
            assertThatThrownBy(() -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(external.get(), bridge.port()), 2000);
                }
            }).isInstanceOf(ConnectException.class);
        }
        assertThat(send("GET", "/health", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void servesHealthAndStatusWithoutCorsHeadersToNonBrowserClients() throws Exception {
        HttpResponse<String> health = send("GET", "/health", null, null);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
        HttpResponse<String> status = send("GET", "/status", null, null);
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(status.body()).isEqualTo("{\"consensusPubkey\":\"pub\",\"nodeHeight\":7}");
        assertThat(status.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void allowsThePortalOriginAndAnswersItsPreflight() throws Exception {
        HttpResponse<String> status = send("GET", "/status", PORTAL, null);
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.headers().firstValue("Access-Control-Allow-Origin")).hasValue(PORTAL);
        assertThat(status.headers().allValues("Vary")).contains("Origin");

        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(uri("/link-proof"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .header("Access-Control-Request-Private-Network", "true").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET, POST, OPTIONS");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValue("Content-Type");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Private-Network")).hasValue("true");
    }

    @Test
    void refusesAForeignOriginWith403AndNoCorsHeadersBeforeActing() throws Exception {
        for (String origin : List.of("https://evil.example", "null", "https://localhost:8444",
                "http://localhost:8443")) {
            HttpResponse<String> r = send("GET", "/status", origin, null);
            assertThat(r.statusCode()).as(origin).isEqualTo(403);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(Json.string(Json.parse(r.body()), "code")).isEqualTo("origin-not-allowed");
            assertThat(r.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control-"));
        }
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(uri("/stop"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> stop = http.send(HttpRequest.newBuilder(uri("/stop")).header("Origin",
                "https://evil.example").header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers
                        .ofString("x"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stop.statusCode()).isEqualTo(403);
        HttpResponse<String> link = send("POST", "/link-proof", "https://evil.example", linkBody());
        assertThat(link.statusCode()).isEqualTo(403);
        assertThat(stopped.getCount()).isEqualTo(1);
        assertThat(linked).isEmpty();
    }

    @Test
    void refusesRequestsAddressedToAnotherHost() throws Exception {
        try (Socket s = new Socket("127.0.0.1", bridge.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /status HTTP/1.1\r\nHost: attacker.example:" + bridge.port()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 403").contains("host-not-allowed");
        }
    }

    @Test
    void makesALinkProofForAValidRequest() throws Exception {
        HttpResponse<String> r = send("POST", "/link-proof", PORTAL, linkBody());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"consensusPubkey\":\"pub\",\"signature\":\"sig\"}");
        assertThat(linked).containsExactly(SETUP + " " + WALLET);
    }

    @Test
    void refusesBadLinkRequestsNamingEachField() throws Exception {
        HttpResponse<String> r = send("POST", "/link-proof", null, "{\"setupRequestId\":\"42\",\"walletAddress\":"
                + "\"omni1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnnuqsye\",\"chainId\":\"cosmoshub-4\",\"extra\":1}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        Object doc = Json.parse(r.body());
        assertThat(Json.string(doc, "code")).isEqualTo("invalid-link-proof-request");
        assertThat(Json.string(doc, "type")).isEqualTo("https://omniphi.network/problems/invalid-link-proof-request");
        assertThat(Json.at(doc, "status")).isEqualTo(400L);
        assertThat(Json.string(doc, "instance")).isEqualTo("/link-proof");
        assertThat(fields(doc)).containsExactlyInAnyOrder("extra", "setupRequestId", "walletAddress", "chainId");

        Object missing = Json.parse(send("POST", "/link-proof", null, "{}").body());
        assertThat(fields(missing)).containsExactlyInAnyOrder("setupRequestId", "walletAddress", "chainId");
        Object wrongType = Json.parse(send("POST", "/link-proof", null, "{\"setupRequestId\":1,"
                + "\"walletAddress\":\"" + WALLET + "\",\"chainId\":\"omniphi-devnet-1\"}").body());
        assertThat(fields(wrongType)).containsExactly("setupRequestId");
        Object notJson = Json.parse(send("POST", "/link-proof", null, "[1,").body());
        assertThat(fields(notJson)).containsExactly("body");
        Object tooBig = Json.parse(send("POST", "/link-proof", null, "{\"x\":\"" + "a".repeat(5000) + "\"}")
                .body());
        assertThat(fields(tooBig)).containsExactly("body");

        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(uri("/link-proof")).header("Content-Type",
                "text/plain").POST(HttpRequest.BodyPublishers.ofString(linkBody())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(415);
        assertThat(linked).isEmpty();
    }

    @Test
    void answersWrongMethodsAndPathsWithProblems() throws Exception {
        HttpResponse<String> get = send("GET", "/link-proof", null, null);
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST, OPTIONS");
        assertThat(Json.string(Json.parse(get.body()), "code")).isEqualTo("method-not-allowed");
        HttpResponse<String> missing = send("GET", "/nope", null, null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Json.string(Json.parse(missing.body()), "code")).isEqualTo("not-found");
    }

    @Test
    void stopAnswers202ThenStopsTheAgent() throws Exception {
        HttpResponse<String> r = send("POST", "/stop", PORTAL, "{}");
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(r.body()).isEqualTo("{\"status\":\"stopping\"}");
        assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
    }

    private static List<String> fields(Object problem) {
        return ((List<?>) Json.at(problem, "errors")).stream().map(e -> Json.string(e, "field")).toList();
    }

    private static String linkBody() {
        return "{\"setupRequestId\":\"" + SETUP + "\",\"walletAddress\":\"" + WALLET
                + "\",\"chainId\":\"omniphi-devnet-1\"}";
    }

    private HttpResponse<String> send(String method, String path, String origin, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + bridge.port() + path);
    }

    private static boolean isLoopback(NetworkInterface i) {
        try {
            return i.isLoopback() || !i.isUp();
        } catch (IOException e) {
            return true;
        }
    }
}
