package network.omniphi.heartbeat.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import network.omniphi.heartbeat.support.TestClock;
import network.omniphi.heartbeat.support.TestNode;

@QuarkusTest
class HeartbeatResourceTest {

    static final String PATH = "/api/v1/validators/heartbeat";

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static Response post(Object body) {
        return given().contentType(ContentType.JSON).body(body).post(PATH);
    }

    static List<Map<String, Object>> stored(String wallet) {
        return given().queryParam("walletAddress", wallet).get("/internal/v1/heartbeats").then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath().getList("$");
    }

    private void assertProblem(Response r, int status, String code) {
        r.then().statusCode(status).contentType("application/problem+json");
        assertThat(r.jsonPath().getString("code")).isEqualTo(code);
        assertThat(r.jsonPath().getInt("status")).isEqualTo(status);
        assertThat(r.jsonPath().getString("type")).isEqualTo("https://omniphi.network/problems/" + code);
    }

    @Test
    void acceptedHeartbeatIsStoredAndVisible() {
        TestNode node = new TestNode().linked();
        Response r = post(node.signed(clock.instant(), 42));
        r.then().statusCode(202).contentType(ContentType.JSON);
        assertThat(r.jsonPath().getString("status")).isEqualTo("accepted");
        assertThat(r.jsonPath().getString("consensusPubkey")).isEqualTo(node.pubkey);
        assertThat(r.jsonPath().getBoolean("firstSeen")).isFalse();

        List<Map<String, Object>> rows = stored(node.wallet);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("walletAddress", node.wallet)
                .containsEntry("consensusPubkey", node.pubkey)
                .containsEntry("blockHeight", 42).containsEntry("uptimeSeconds", 3600)
                .containsEntry("localRpcPort", 26657).containsEntry("localP2pPort", 26656)
                .containsEntry("stale", false).containsEntry("heightStalled", false)
                .containsEntry("setupRequestId", null).containsKeys("firstSeen", "lastSeen");
    }

    @Test
    void newerHeartbeatUpdatesTheRowInPlace() {
        TestNode node = new TestNode().linked();
        post(node.signed(clock.instant().minusSeconds(2), 10)).then().statusCode(202);
        post(node.signed(clock.instant(), 11)).then().statusCode(202);
        List<Map<String, Object>> rows = stored(node.wallet);
        assertThat(rows).singleElement().satisfies(row -> assertThat(row).containsEntry("blockHeight", 11));
    }

    @Test
    void forgedSignatureIsRefused() {
        TestNode node = new TestNode().linked();
        Map<String, Object> body = node.signed(clock.instant(), 1);
        body.put("signature", Base64.getEncoder().encodeToString(new byte[64]));
        assertProblem(post(body), 401, "signature-invalid");
        assertThat(stored(node.wallet)).isEmpty();
    }

    @Test
    void signatureByAnotherKeyIsRefused() {
        TestNode node = new TestNode().linked();
        TestNode other = new TestNode(node.wallet);
        Map<String, Object> body = node.fields(clock.instant(), 1);
        body.put("signature", other.sign(body));
        assertProblem(post(body), 401, "signature-invalid");
        assertThat(stored(node.wallet)).isEmpty();
    }

    @Test
    void tamperedFieldIsRefused() {
        TestNode node = new TestNode().linked();
        Map<String, Object> body = node.signed(clock.instant(), 1);
        body.put("blockHeight", 2);
        assertProblem(post(body), 401, "signature-invalid");
        assertThat(stored(node.wallet)).isEmpty();
    }

    @Test
    void timestampsOutsideTheWindowAreRefused() {
        TestNode node = new TestNode().linked();
        assertProblem(post(node.signed(clock.instant().minusSeconds(90), 1)), 401, "timestamp-outside-window");
        assertProblem(post(node.signed(clock.instant().plusSeconds(90), 1)), 401, "timestamp-outside-window");
        assertThat(stored(node.wallet)).isEmpty();
    }

    @Test
    void replayedAndOlderHeartbeatsAreRefused() {
        TestNode node = new TestNode().linked();
        Instant t = clock.instant();
        Map<String, Object> first = node.signed(t, 5);
        post(first).then().statusCode(202);
        assertProblem(post(first), 409, "heartbeat-replayed");
        assertProblem(post(node.signed(t.minusSeconds(1), 6)), 409, "heartbeat-replayed");
        assertThat(stored(node.wallet)).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("blockHeight", 5));
    }

    @Test
    void anUnlinkedKeyIsRefused403AndNothingIsStored() {
        TestNode node = new TestNode();
        for (int i = 0; i < 2; i++) {
            assertProblem(post(node.signed(clock.instant().minusSeconds(2 - i), i)), 403, "consensus-key-not-linked");
        }
        assertThat(stored(node.wallet)).isEmpty();
        given().queryParam("consensusPubkey", node.pubkey).get("/internal/v1/heartbeats/by-key").then()
                .statusCode(404).contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("heartbeat-not-found"));
    }

    @Test
    void aLinkedKeyCarryingAnotherWalletIsRefused403AndNothingIsStored() {
        TestNode node = new TestNode().linked();
        post(node.signed(clock.instant().minusSeconds(1), 1)).then().statusCode(202);
        String victim = TestNode.randomWallet();
        Map<String, Object> body = node.fields(clock.instant(), 2);
        body.put("walletAddress", victim);
        body.put("signature", node.sign(body));
        assertProblem(post(body), 403, "consensus-key-not-linked");
        assertThat(stored(victim)).isEmpty();
        assertThat(stored(node.wallet)).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("blockHeight", 1));
    }

    @Test
    void lastHeartbeatOfAKeyAnswersTheSignedTimestampTextAndTheReceiveTime() {
        TestNode node = new TestNode().linked();
        Map<String, Object> body = node.fields(clock.instant(), 3);
        // six fraction digits: not how Instant prints itself, so only the stored text can answer this
        String signedText = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(clock.instant());
        body.put("timestamp", signedText);
        body.put("signature", node.sign(body));
        post(body).then().statusCode(202);
        Response r = given().queryParam("consensusPubkey", node.pubkey).get("/internal/v1/heartbeats/by-key");
        r.then().statusCode(200).contentType(ContentType.JSON);
        assertThat(r.jsonPath().getMap("$")).containsOnlyKeys("consensusPubkey", "lastHeartbeatTimestamp",
                "lastReceivedAt");
        assertThat(r.jsonPath().getString("consensusPubkey")).isEqualTo(node.pubkey);
        assertThat(r.jsonPath().getString("lastHeartbeatTimestamp")).isEqualTo(signedText);
        Instant received = Instant.parse(r.jsonPath().getString("lastReceivedAt"));
        assertThat(received).isCloseTo(clock.instant(), org.assertj.core.api.Assertions.within(5,
                java.time.temporal.ChronoUnit.SECONDS));
        assertThat(r.jsonPath().getString("lastReceivedAt")).endsWith("Z");

        for (String bad : List.of("", "not base64", node.pubkey.replace("=", ""),
                Base64.getEncoder().encodeToString(new byte[33]))) {
            Response refused = given().queryParam("consensusPubkey", bad).get("/internal/v1/heartbeats/by-key");
            assertProblem(refused, 400, "invalid-query");
            assertThat(refused.jsonPath().getString("errors[0].field")).isEqualTo("consensusPubkey");
        }
    }

    @Test
    void tooFastPerKeyIsRateLimited() {
        TestNode node = new TestNode().linked();
        Instant t = clock.instant();
        for (int i = 0; i < 3; i++) { // burst = 3 in the test profile
            post(node.signed(t.minusSeconds(10 - i), i)).then().statusCode(202);
        }
        Response r = post(node.signed(t, 9));
        assertProblem(r, 429, "heartbeat-rate-limited");
        assertThat(Long.parseLong(r.header("Retry-After"))).isPositive();
        assertThat(stored(node.wallet)).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("blockHeight", 2));
    }

    @Test
    void concurrentHeartbeatsOfManyKeysAreAllStored() throws Exception {
        String wallet = TestNode.randomWallet();
        List<TestNode> nodes = java.util.stream.IntStream.range(0, 20).mapToObj(i -> new TestNode(wallet).linked())
                .toList();
        Instant t = clock.instant();
        List<Integer> statuses = nodes.parallelStream().map(n -> post(n.signed(t, 7)).statusCode()).toList();
        assertThat(statuses).containsOnly(202);
        assertThat(stored(wallet)).hasSize(20).allSatisfy(row -> assertThat(row).containsEntry("blockHeight", 7));
    }

    @Test
    void internalReadValidatesTheWallet() {
        Response missing = given().get("/internal/v1/heartbeats");
        assertProblem(missing, 400, "invalid-query");
        Response bad = given().queryParam("walletAddress", "omni1notanaddress").get("/internal/v1/heartbeats");
        assertProblem(bad, 400, "invalid-query");
        assertThat(bad.jsonPath().getString("errors[0].field")).isEqualTo("walletAddress");
    }

    @Test
    void pingAnswers() {
        given().get("/internal/v1/ping").then().statusCode(200).contentType(ContentType.TEXT);
    }

    @Test
    void clockOffsetIsHonouredByTheWindow() {
        clock.advance(Duration.ofMinutes(10));
        TestNode node = new TestNode().linked();
        post(node.signed(clock.instant(), 1)).then().statusCode(202);
        assertProblem(post(node.signed(Instant.now(), 2)), 401, "timestamp-outside-window");
    }
}
