package network.omniphi.heartbeat.api;

import static io.restassured.RestAssured.given;
import static network.omniphi.heartbeat.api.HeartbeatResourceTest.PATH;
import static network.omniphi.heartbeat.api.HeartbeatResourceTest.stored;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import network.omniphi.heartbeat.support.TestNode;

/** Malformed bodies: 400 problem+json naming the field, nothing stored. */
@QuarkusTest
class MalformedHeartbeatTest {

    private final TestNode node = new TestNode();

    private Response postRaw(String body) {
        return given().contentType(ContentType.JSON).body(body).post(PATH);
    }

    private void refused(Consumer<Map<String, Object>> change, String field) {
        Map<String, Object> body = node.signed(Instant.now(), 1);
        change.accept(body);
        Response r = given().contentType(ContentType.JSON).body(body).post(PATH);
        assertInvalid(r, field);
    }

    private void assertInvalid(Response r, String field) {
        r.then().statusCode(400).contentType("application/problem+json");
        assertThat(r.jsonPath().getString("code")).isEqualTo("invalid-heartbeat");
        assertThat(r.jsonPath().getList("errors.field")).contains(field);
        assertThat(stored(node.wallet)).isEmpty();
    }

    @Test
    void missingField() {
        refused(b -> b.remove("blockHeight"), "blockHeight");
    }

    @Test
    void unknownField() {
        refused(b -> b.put("nodeVersion", "1.0"), "nodeVersion");
    }

    @Test
    void numbersMustBeJsonIntegers() {
        refused(b -> b.put("blockHeight", 1.5), "blockHeight");
        refused(b -> b.put("uptimeSeconds", "3600"), "uptimeSeconds");
        refused(b -> b.put("blockHeight", -1), "blockHeight");
    }

    @Test
    void portsMustBeInRange() {
        refused(b -> b.put("localRpcPort", 0), "localRpcPort");
        refused(b -> b.put("localP2pPort", 70000), "localP2pPort");
    }

    @Test
    void walletMustBeAValidOmniAddress() {
        String w = node.wallet;
        refused(b -> b.put("walletAddress", w.substring(0, w.length() - 1) + (w.endsWith("q") ? "p" : "q")),
                "walletAddress");
        refused(b -> b.put("walletAddress", w.toUpperCase()), "walletAddress");
        refused(b -> b.put("walletAddress", "cosmos1qqqsyqcyq5rqwzqfpg9scrgwpugpzysn3ezr9a"), "walletAddress");
    }

    @Test
    void keyAndSignatureMustBeCanonicalBase64OfTheRightSize() {
        refused(b -> b.put("consensusPubkey", "AAAA"), "consensusPubkey");
        refused(b -> b.put("signature", "not base64!"), "signature");
        refused(b -> b.put("consensusPubkey", ((String) b.get("consensusPubkey")).replace("=", "")),
                "consensusPubkey");
    }

    @Test
    void timestampMustBeUtcRfc3339WithZ() {
        refused(b -> b.put("timestamp", "2026-11-25T18:00:00+00:00"), "timestamp");
        refused(b -> b.put("timestamp", "2026-11-25 18:00:00Z"), "timestamp");
        refused(b -> b.put("timestamp", 1764093600), "timestamp");
    }

    @Test
    void notJsonEmptyArrayAndDuplicateKeys() {
        assertInvalid(postRaw("{not json"), "body");
        assertInvalid(postRaw("[]"), "body");
        assertInvalid(postRaw(""), "body");
        assertInvalid(postRaw("{\"blockHeight\":1,\"blockHeight\":2}"), "body");
    }

    @Test
    void wrongContentTypeIs415() {
        given().contentType(ContentType.TEXT).body("x").post(PATH).then().statusCode(415)
                .contentType("application/problem+json");
    }
}
