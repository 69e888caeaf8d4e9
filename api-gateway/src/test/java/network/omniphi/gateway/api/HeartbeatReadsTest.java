package network.omniphi.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import network.omniphi.gateway.TestData;
import network.omniphi.gateway.testing.StubHeartbeatService;
import network.omniphi.gateway.testing.StubHeartbeatService.Mode;
import network.omniphi.gateway.testing.TestAuth;

/**
 * What the gateway shows of the heartbeat service's reads, against a stand-in service: the {@code heartbeat} of a
 * by-wallet answer carries the service's eleven fields for the setup's node (matched by linked setup, else by consensus
 * key), nothing when the service has none, does not answer or answers something unreadable; the public last-heartbeat
 * look-up passes the service's answer on and turns its 404 into heartbeat-not-found.
 */
@QuarkusTest
@TestProfile(HeartbeatReadsTest.WithStubReads.class)
class HeartbeatReadsTest {

    /** Its own profile: HeartbeatForwardTest shuts its stand-in down at the end. */
    public static class WithStubReads implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StubHeartbeatService.class));
        }
    }

    private static final String BASE = "/api/v1/validators";
    private static final String KEY = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";
    private static final String OTHER_KEY = "9+oDE4qh0Ehrzl1Z+7ywErZlGg8x2BrZ6YNUmC5ya1Q=";

    @BeforeEach
    void reset() {
        StubHeartbeatService.RECEIVED.clear();
        StubHeartbeatService.mode = Mode.ACCEPT;
        StubHeartbeatService.readStatus = 200;
        StubHeartbeatService.readBody = "[]";
    }

    private static String localSetup(String wallet) {
        Map<String, Object> body = TestData.setupBody(wallet);
        body.put("runMode", "local");
        body.remove("provider");
        return TestAuth.as(wallet).contentType(ContentType.JSON).body(body).post(BASE + "/setup-requests").then()
                .statusCode(201).extract().path("setupRequest.id");
    }

    private static String entry(String wallet, String key, String setupId, long height, boolean stale) {
        return "{\"walletAddress\":\"" + wallet + "\",\"consensusPubkey\":\"" + key + "\",\"setupRequestId\":"
                + (setupId == null ? "null" : "\"" + setupId + "\"")
                + ",\"firstSeen\":\"2026-12-04T09:00:00.125Z\",\"lastSeen\":\"2026-12-04T09:30:05.318402Z\","
                + "\"blockHeight\":" + height + ",\"uptimeSeconds\":1805,\"localRpcPort\":26657,"
                + "\"localP2pPort\":26656,\"stale\":" + stale + ",\"heightStalled\":false}";
    }

    @Test
    void theSetupsNodeIsShownWithTheServicesFields() {
        String wallet = TestData.wallet();
        String id = localSetup(wallet);
        StubHeartbeatService.readBody = "[" + entry(wallet, OTHER_KEY, null, 7, true) + ","
                + entry(wallet, KEY, id, 4242, false) + "]";

        var r = TestAuth.as(wallet).get(BASE + "/by-wallet/" + wallet).then().statusCode(200)
                .body("[0].setupRequest.id", equalTo(id))
                .body("[0].heartbeat.walletAddress", equalTo(wallet))
                .body("[0].heartbeat.consensusPubkey", equalTo(KEY))
                .body("[0].heartbeat.setupRequestId", equalTo(id))
                .body("[0].heartbeat.firstSeen", equalTo("2026-12-04T09:00:00.125Z"))
                .body("[0].heartbeat.lastSeen", equalTo("2026-12-04T09:30:05.318402Z"))
                .body("[0].heartbeat.blockHeight", equalTo(4242))
                .body("[0].heartbeat.uptimeSeconds", equalTo(1805))
                .body("[0].heartbeat.localRpcPort", equalTo(26657))
                .body("[0].heartbeat.localP2pPort", equalTo(26656))
                .body("[0].heartbeat.stale", equalTo(false))
                .body("[0].heartbeat.heightStalled", equalTo(false)).extract();
        Map<String, Object> heartbeat = r.jsonPath().getMap("[0].heartbeat");
        assertThat(heartbeat).containsOnlyKeys("walletAddress", "consensusPubkey", "setupRequestId", "firstSeen",
                "lastSeen", "blockHeight", "uptimeSeconds", "localRpcPort", "localP2pPort", "stale", "heightStalled");
        assertThat(StubHeartbeatService.RECEIVED).anySatisfy(
                got -> assertThat(got.path()).isEqualTo("/internal/v1/heartbeats?walletAddress=" + wallet));
    }

    @Test
    void aNodeNotYetLinkedIsNotShownOnASetupWithoutAKey() {
        String wallet = TestData.wallet();
        String id = localSetup(wallet);
        // a node of the wallet whose key is linked to no setup: the setup has no key yet, so nothing matches it
        StubHeartbeatService.readBody = "[" + entry(wallet, KEY, null, 9, false) + "]";

        TestAuth.as(wallet).get(BASE + "/by-wallet/" + wallet).then().statusCode(200)
                .body("[0].setupRequest.id", equalTo(id))
                .body("[0].setupRequest.consensusPubkey", nullValue())
                .body("[0].heartbeat", nullValue());
    }

    @Test
    void noAnswerOrAnUnreadableOneShowsTheSetupsWithoutHeartbeat() {
        String wallet = TestData.wallet();
        String id = localSetup(wallet);
        StubHeartbeatService.readBody = "[{\"walletAddress\":\"" + wallet + "\",\"setupRequestId\":\"" + id + "\"}]";
        TestAuth.as(wallet).get(BASE + "/by-wallet/" + wallet).then().statusCode(200)
                .body("[0].setupRequest.id", equalTo(id)).body("[0].heartbeat", nullValue());

        StubHeartbeatService.readStatus = 500;
        StubHeartbeatService.readBody = "{\"status\":500}";
        TestAuth.as(wallet).get(BASE + "/by-wallet/" + wallet).then().statusCode(200)
                .body("[0].setupRequest.id", equalTo(id)).body("[0].heartbeat", nullValue());

        StubHeartbeatService.mode = Mode.SILENT; // the by-wallet read gives up after two seconds
        TestAuth.as(wallet).get(BASE + "/by-wallet/" + wallet).then().statusCode(200)
                .body("[0].setupRequest.id", equalTo(id)).body("[0].heartbeat", nullValue());
    }

    @Test
    void theLastHeartbeatOfAKeyIsPassedOn() {
        StubHeartbeatService.readBody = "{\"consensusPubkey\":\"" + KEY + "\",\"lastHeartbeatTimestamp\":"
                + "\"2026-12-04T09:30:05.25Z\",\"lastReceivedAt\":\"2026-12-04T09:30:05.318402Z\"}";

        given().queryParam("consensusPubkey", KEY).get(BASE + "/heartbeat").then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("consensusPubkey", equalTo(KEY))
                // the node's signed text, not re-formatted
                .body("lastHeartbeatTimestamp", equalTo("2026-12-04T09:30:05.25Z"))
                .body("lastReceivedAt", equalTo("2026-12-04T09:30:05.318402Z"));
        assertThat(StubHeartbeatService.RECEIVED).anySatisfy(got -> assertThat(got.path()).isEqualTo(
                "/internal/v1/heartbeats/by-key?consensusPubkey=" + URLEncoder.encode(KEY, StandardCharsets.UTF_8)));
    }

    @Test
    void anUnknownKeyIsHeartbeatNotFoundAndAFailingServiceIsUnavailable() {
        StubHeartbeatService.readStatus = 404;
        StubHeartbeatService.readBody = "{\"status\":404,\"code\":\"heartbeat-not-found\"}";
        given().queryParam("consensusPubkey", KEY).get(BASE + "/heartbeat").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("heartbeat-not-found"));

        StubHeartbeatService.readStatus = 500;
        StubHeartbeatService.readBody = "{\"status\":500}";
        given().queryParam("consensusPubkey", KEY).get(BASE + "/heartbeat").then().statusCode(503)
                .contentType("application/problem+json").body("code", equalTo("heartbeat-unavailable"));
    }
}
