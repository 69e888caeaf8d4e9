package network.omniphi.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;

import network.omniphi.gateway.testing.StubHeartbeatService;
import network.omniphi.gateway.testing.StubHeartbeatService.Mode;
import network.omniphi.gateway.testing.StubHeartbeatService.Received;

/**
 * The public heartbeat path's forward (HeartbeatForwarder) against a stand-in heartbeat service: the body goes on byte
 * for byte with the client's address, the service's answer comes back as it is, and a service that does not answer
 * is the gateway's own problem+json (504 when too slow, 502 when the connection fails or is cut off).
 */
@QuarkusTest
@TestProfile(HeartbeatForwardTest.WithStubService.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HeartbeatForwardTest {

    public static class WithStubService implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StubHeartbeatService.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // the test client plays the ingress so that its X-Forwarded-For decides the client address
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1");
        }
    }

    private static final String PATH = "/api/v1/validators/heartbeat";
    /** Valid JSON in an order and spacing no serializer would produce: it must arrive as it was sent. */
    private static final String BODY = "{ \"walletAddress\":\"omni1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu\" ,"
            + "\"blockHeight\":  123456,\"consensusPubkey\":\"11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\","
            + "\"uptimeSeconds\":86400,\"localRpcPort\":26657,\"localP2pPort\":26656,"
            + "\"timestamp\":\"2026-12-03T16:00:00Z\",\"signature\":\"" + "A".repeat(86) + "==\"}";

    @BeforeEach
    void reset() {
        StubHeartbeatService.RECEIVED.clear();
        StubHeartbeatService.mode = Mode.ACCEPT;
    }

    @Test
    @Order(1)
    void theBodyIsForwardedByteForByteAndTheAnswerPassedBack() throws InterruptedException {
        Response r = given().contentType("application/json").header("X-Forwarded-For", "203.0.113.7")
                .header("X-Request-Id", "req-42").body(BODY.getBytes(StandardCharsets.UTF_8)).post(PATH);

        r.then().statusCode(202).contentType("application/json");
        assertThat(r.asString()).isEqualTo(StubHeartbeatService.ACCEPTED);
        Received got = StubHeartbeatService.RECEIVED.poll(10, TimeUnit.SECONDS);
        assertThat(got).isNotNull();
        assertThat(new String(got.body(), StandardCharsets.UTF_8)).isEqualTo(BODY);
        assertThat(got.path()).isEqualTo(PATH);
        assertThat(got.contentType()).isEqualTo("application/json");
        assertThat(got.forwardedFor()).isEqualTo("203.0.113.7");
        assertThat(got.requestId()).isEqualTo("req-42");
    }

    @Test
    @Order(2)
    void manyHeartbeatsShareThePooledConnections() throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            given().contentType("application/json").body(BODY).post(PATH).then().statusCode(202);
        }
        for (int i = 0; i < 50; i++) {
            assertThat(StubHeartbeatService.RECEIVED.poll(10, TimeUnit.SECONDS)).isNotNull();
        }
    }

    @Test
    @Order(3)
    void theServicesRefusalIsPassedBackAsItIs() {
        StubHeartbeatService.mode = Mode.REFUSE;

        Response r = given().contentType("application/json").body(BODY).post(PATH);

        r.then().statusCode(429).contentType("application/problem+json").header("Retry-After", "7");
        assertThat(r.asString()).isEqualTo(StubHeartbeatService.REFUSED);
    }

    @Test
    @Order(4)
    void theGatewaysOwnChecksStillComeFirst() {
        given().contentType("application/json").body(BODY.replace("123456", "1e999999999")).post(PATH).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("blockHeight"));
        assertThat(StubHeartbeatService.RECEIVED).isEmpty();
    }

    @Test
    @Order(4)
    void aBodySentWithoutALengthIsBoundedLikeOneWithALength() throws Exception {
        // chunked transfer: no Content-Length for the gateway-wide limit to look at, so the route counts the bytes
        byte[] large = ("{\"walletAddress\":\"" + "a".repeat(140 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large))).build();

        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(r.body()).contains("\"code\":\"payload-too-large\"");
        assertThat(StubHeartbeatService.RECEIVED).isEmpty();
    }

    @Test
    @Order(4)
    void aBodyThatIsNotJsonIsRefusedWithProblemJson() {
        given().contentType("text/plain").body(BODY).post(PATH).then().statusCode(415)
                .contentType("application/problem+json").body("code", equalTo("unsupported-media-type"));
        assertThat(StubHeartbeatService.RECEIVED).isEmpty();
    }

    @Test
    @Order(4)
    void jsonWithParametersIsForwarded() throws InterruptedException {
        given().contentType("application/json; charset=UTF-8").body(BODY).post(PATH).then().statusCode(202);
        assertThat(StubHeartbeatService.RECEIVED.poll(10, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    @Order(5)
    void noAnswerInTimeIs504() {
        StubHeartbeatService.mode = Mode.SILENT;

        given().contentType("application/json").body(BODY).post(PATH).then().statusCode(504)
                .contentType("application/problem+json").body("code", equalTo("heartbeat-timeout"))
                .body("status", equalTo(504)).header("Retry-After", notNullValue());
    }

    @Test
    @Order(6)
    void anAnswerCutOffIs502() {
        StubHeartbeatService.mode = Mode.CUT_OFF;

        given().contentType("application/json").body(BODY).post(PATH).then().statusCode(502)
                .contentType("application/problem+json").body("code", equalTo("heartbeat-unavailable"))
                .body("status", equalTo(502)).header("Retry-After", notNullValue());
    }

    @Test
    @Order(7)
    void noServiceIs502() throws Exception {
        StubHeartbeatService.shutDown();

        given().contentType("application/json").body(BODY).post(PATH).then().statusCode(502)
                .contentType("application/problem+json").body("code", equalTo("heartbeat-unavailable"))
                .body("status", equalTo(502)).header("Retry-After", notNullValue());
        // the gateway itself is fine
        given().get("/api/v1/health").then().statusCode(200);
    }
}
