package network.omniphi.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import network.omniphi.commons.events.Topics;
import network.omniphi.gateway.TestData;
import network.omniphi.gateway.testing.TestAuth;
import network.omniphi.gateway.testing.TestConsensusKey;
import network.omniphi.proto.events.v1.ConsensusKeyLinked;
import network.omniphi.testsupport.KafkaTopicReader;

/** {@code POST /api/v1/validators/setup-requests/{id}/consensus-key}: the link and every refusal, with exact codes. */
@QuarkusTest
class ConsensusKeyLinkResourceTest {

    private static final String PROBLEM = "application/problem+json";

    static String path(String id) {
        return "/api/v1/validators/setup-requests/" + id + "/consensus-key";
    }

    static ValidatableResponse link(String caller, String id, Object body) {
        return TestAuth.as(caller).contentType(ContentType.JSON).body(body).post(path(id)).then();
    }

    static String status(String wallet, String id) {
        return TestAuth.as(wallet).get("/api/v1/validators/setup-requests/" + id).then().statusCode(200).extract()
                .path("setupRequest.status");
    }

    static Object key(String wallet, String id) {
        return TestAuth.as(wallet).get("/api/v1/validators/setup-requests/" + id).then().statusCode(200).extract()
                .path("setupRequest.consensusPubkey");
    }

    @Test
    void theOwnerLinksAKeyToAPendingLocalSetupAndTheLinkIsPublished() throws Exception {
        String wallet = TestData.wallet();
        String id = StatusEventsTest.createLocalSetup(wallet);
        TestConsensusKey node = TestConsensusKey.random();
        link(wallet, id, node.linkBody(id, wallet)).statusCode(200).contentType(ContentType.JSON)
                .body("setupRequest.id", equalTo(id))
                .body("setupRequest.status", equalTo("pending"))
                .body("setupRequest.consensusPubkey", equalTo(node.pubkeyBase64()));
        try (KafkaTopicReader reader = new KafkaTopicReader(Topics.CONSENSUS_KEY_LINKED)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.recordsWithKey(id).size() == 1);
            ConsensusKeyLinked event = ConsensusKeyLinked.parseFrom(reader.recordsWithKey(id).get(0).value());
            assertThat(event.getSetupRequestId()).isEqualTo(id);
            assertThat(event.getWalletAddress()).isEqualTo(wallet);
            assertThat(event.getConsensusPubkey()).isEqualTo(node.pubkeyBase64());
            assertThat(event.getChainId()).isEqualTo("omniphi-devnet-1");
            assertThat(event.hasLinkedAt()).isTrue();
            assertThat(event.getMeta().getSubjectId()).isEqualTo(id);
            assertThat(event.getMeta().getProducer()).isEqualTo("api-gateway");
            assertThat(event.getMeta().getEventId()).isNotBlank();
        }
    }

    @Test
    void relinkingTheSameKeyIsIdempotentAndPublishesNothingMore() throws Exception {
        String wallet = TestData.wallet();
        String id = StatusEventsTest.createLocalSetup(wallet);
        TestConsensusKey node = TestConsensusKey.random();
        String first = link(wallet, id, node.linkBody(id, wallet)).statusCode(200).extract()
                .path("setupRequest.updatedAt");
        link(wallet, id, node.linkBody(id, wallet)).statusCode(200)
                .body("setupRequest.consensusPubkey", equalTo(node.pubkeyBase64()))
                .body("setupRequest.updatedAt", equalTo(first));
        try (KafkaTopicReader reader = new KafkaTopicReader(Topics.CONSENSUS_KEY_LINKED)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.recordsWithKey(id).size() >= 1);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> reader.recordsWithKey(id).size() == 1);
        }
    }

    @Test
    void aPendingSetupMayReplaceItsKeyWhichReleasesTheOldOne() {
        String wallet = TestData.wallet();
        String id = StatusEventsTest.createLocalSetup(wallet);
        TestConsensusKey first = TestConsensusKey.random();
        TestConsensusKey second = TestConsensusKey.random();
        link(wallet, id, first.linkBody(id, wallet)).statusCode(200);
        link(wallet, id, second.linkBody(id, wallet)).statusCode(200)
                .body("setupRequest.consensusPubkey", equalTo(second.pubkeyBase64()));
        String other = TestData.wallet();
        String otherId = StatusEventsTest.createLocalSetup(other);
        link(other, otherId, first.linkBody(otherId, other)).statusCode(200);
    }

    @Test
    void unknownAndMalformedFieldsAre400BeforeAnyStateIsRead() {
        String wallet = TestData.wallet();
        String cloud = StatusEventsTest.createSetup(wallet); // a 409 if state were checked first
        TestConsensusKey node = TestConsensusKey.random();
        Map<String, Object> extra = new LinkedHashMap<>(node.linkBody(cloud, wallet));
        extra.put("walletAddress", wallet);
        link(wallet, cloud, extra).statusCode(400).contentType(PROBLEM).body("code", equalTo("unknown-field"))
                .body("errors[0].field", equalTo("walletAddress"));
        link(wallet, cloud, Map.of("consensusPubkey", "not-base64", "signature", "AAAA")).statusCode(400)
                .contentType(PROBLEM).body("code", equalTo("invalid-request"))
                .body("errors.field", org.hamcrest.Matchers.contains("consensusPubkey", "signature"));
        link(wallet, cloud, "{}").statusCode(400).body("code", equalTo("invalid-request"))
                .body("errors.field", org.hamcrest.Matchers.contains("consensusPubkey", "signature"));
        link(wallet, cloud, "").statusCode(400).contentType(PROBLEM)
                .body("code", org.hamcrest.Matchers.anyOf(equalTo("invalid-request"), equalTo("malformed-json")));
        link(wallet, cloud, "{\"consensusPubkey\":1,\"signature\":true}").statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("malformed-json"));
        link(wallet, "not-a-uuid", node.linkBody(cloud, wallet)).statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("invalid-request")).body("errors[0].field", equalTo("id"));
    }

    @Test
    void aSignatureOverAnythingButThisSetupsLinkDocumentIs400() {
        String wallet = TestData.wallet();
        String id = StatusEventsTest.createLocalSetup(wallet);
        TestConsensusKey node = TestConsensusKey.random();
        String otherSetup = UUID.randomUUID().toString();
        Map<String, Object> forOtherSetup = new LinkedHashMap<>(node.linkBody(otherSetup, wallet));
        link(wallet, id, forOtherSetup).statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("link-proof-invalid")).body("errors[0].field", equalTo("signature"));
        Map<String, Object> anotherKeysSignature = new LinkedHashMap<>(node.linkBody(id, wallet));
        anotherKeysSignature.put("consensusPubkey", TestConsensusKey.random().pubkeyBase64());
        link(wallet, id, anotherKeysSignature).statusCode(400).body("code", equalTo("link-proof-invalid"));
        Map<String, Object> overTheHeartbeatDoc = new LinkedHashMap<>();
        overTheHeartbeatDoc.put("consensusPubkey", node.pubkeyBase64());
        overTheHeartbeatDoc.put("signature", node.signBase64("{\"setupRequestId\":\"" + id + "\"}"));
        link(wallet, id, overTheHeartbeatDoc).statusCode(400).body("code", equalTo("link-proof-invalid"));
        assertThat(key(wallet, id)).isNull();
    }

    @Test
    void withoutATokenIs401() {
        String wallet = TestData.wallet();
        String id = StatusEventsTest.createLocalSetup(wallet);
        given().contentType(ContentType.JSON).body(TestConsensusKey.random().linkBody(id, wallet)).post(path(id))
                .then().statusCode(401).contentType(PROBLEM).body("code", equalTo("token-missing"));
        given().header("Authorization", "Bearer not.a.token").contentType(ContentType.JSON)
                .body(TestConsensusKey.random().linkBody(id, wallet)).post(path(id))
                .then().statusCode(401).contentType(PROBLEM).body("code", equalTo("token-invalid"));
    }

    @Test
    void anotherWalletIs403EvenWithAValidProofOfItsOwnAndNothingChanges() {
        String victim = TestData.wallet();
        String id = StatusEventsTest.createLocalSetup(victim);
        String attacker = TestData.wallet();
        TestConsensusKey attackerKey = TestConsensusKey.random();
        link(attacker, id, attackerKey.linkBody(id, attacker)).statusCode(403).contentType(PROBLEM)
                .body("code", equalTo("forbidden"));
        link(attacker, id, attackerKey.linkBody(id, victim)).statusCode(403).body("code", equalTo("forbidden"));
        assertThat(key(victim, id)).isNull();
        assertThat(status(victim, id)).isEqualTo("pending");
    }

    @Test
    void anUnknownSetupIs404() {
        String wallet = TestData.wallet();
        String id = UUID.randomUUID().toString();
        link(wallet, id, TestConsensusKey.random().linkBody(id, wallet)).statusCode(404).contentType(PROBLEM)
                .body("code", equalTo("setup-not-found"));
    }

    @Test
    void aCloudOrStoppedSetupIs409SetupNotLinkable() {
        String wallet = TestData.wallet();
        String cloud = StatusEventsTest.createSetup(wallet);
        link(wallet, cloud, TestConsensusKey.random().linkBody(cloud, wallet)).statusCode(409).contentType(PROBLEM)
                .body("code", equalTo("setup-not-linkable"));
        TestAuth.as(wallet).contentType(ContentType.JSON).body(Map.of("setupRequestId", cloud))
                .post("/api/v1/validators/stop").then().statusCode(202);

        String local = TestData.wallet();
        String id = StatusEventsTest.createLocalSetup(local);
        TestAuth.as(local).contentType(ContentType.JSON).body(Map.of("setupRequestId", id))
                .post("/api/v1/validators/stop").then().statusCode(202);
        link(local, id, TestConsensusKey.random().linkBody(id, local)).statusCode(409)
                .body("code", equalTo("setup-not-linkable"));
    }

    @Test
    void aKeyLinkedToAnotherLiveSetupIs409UntilThatSetupStops() {
        TestConsensusKey node = TestConsensusKey.random();
        String first = TestData.wallet();
        String firstId = StatusEventsTest.createLocalSetup(first);
        link(first, firstId, node.linkBody(firstId, first)).statusCode(200);

        String second = TestData.wallet();
        String secondId = StatusEventsTest.createLocalSetup(second);
        link(second, secondId, node.linkBody(secondId, second)).statusCode(409).contentType(PROBLEM)
                .body("code", equalTo("consensus-key-linked-elsewhere"));
        assertThat(key(second, secondId)).isNull();

        TestAuth.as(first).contentType(ContentType.JSON).body(Map.of("setupRequestId", firstId))
                .post("/api/v1/validators/stop").then().statusCode(202).body("setupRequest.status", equalTo("stopped"));
        link(second, secondId, node.linkBody(secondId, second)).statusCode(200)
                .body("setupRequest.consensusPubkey", equalTo(node.pubkeyBase64()));
        // the stopped setup keeps its key as history, but no longer holds it
        TestAuth.as(first).get("/api/v1/validators/setup-requests/" + firstId).then()
                .body("setupRequest.consensusPubkey", equalTo(node.pubkeyBase64()))
                .body("setupRequest.status", equalTo("stopped"));
    }

    @Test
    void aLinkedSetupIsStillPendingWithNoNodeUntilItsKeyReports() {
        String wallet = TestData.wallet();
        String id = StatusEventsTest.createLocalSetup(wallet);
        link(wallet, id, TestConsensusKey.random().linkBody(id, wallet)).statusCode(200);
        TestAuth.as(wallet).get("/api/v1/validators/setup-requests/" + id).then().statusCode(200)
                .body("setupRequest.status", equalTo("pending")).body("node", nullValue());
    }
}
