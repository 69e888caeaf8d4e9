package network.omniphi.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import network.omniphi.gateway.TestData;
import network.omniphi.gateway.testing.TestAuth;

@QuarkusTest
class SetupRequestResourceTest {

    static final String BASE = "/api/v1/validators";

    static Response create(Map<String, Object> body) {
        return TestAuth.as((String) body.get("walletAddress")).contentType(ContentType.JSON).body(body)
                .post(BASE + "/setup-requests");
    }

    @Test
    void createReturns201PendingWithTheFullSetupShape() {
        String wallet = TestData.wallet();
        Response r = create(TestData.setupBody(wallet));
        r.then().statusCode(201).contentType(ContentType.JSON)
                .body("setupRequest.status", equalTo("pending"))
                .body("setupRequest.walletAddress", equalTo(wallet))
                .body("setupRequest.website", equalTo("https://validator.example.org"))
                .body("setupRequest.description", equalTo("Reliable validator"))
                .body("setupRequest.runMode", equalTo("cloud"))
                .body("setupRequest.provider", equalTo("omniphi_cloud"))
                .body("setupRequest.consensusPubkey", nullValue())
                .body("setupRequest.operatorAddress", nullValue())
                .body("setupRequest.completedAt", nullValue())
                .body("setupRequest.failureReason", nullValue());
        Map<String, Object> setup = r.jsonPath().getMap("setupRequest");
        assertThat(setup).containsOnlyKeys("id", "status", "walletAddress", "validatorName", "website",
                "description", "commissionRate", "runMode", "provider", "consensusPubkey", "operatorAddress",
                "createdAt",
                "updatedAt", "completedAt", "failureReason");
        assertThat(r.jsonPath().getString("setupRequest.commissionRate")).isEqualTo("0.1");
        assertThat(r.header("Location")).endsWith("/api/v1/validators/setup-requests/" + setup.get("id"));
    }

    @Test
    void getAndByWalletShowTheSetup() {
        String wallet = TestData.wallet();
        String id = create(TestData.setupBody(wallet)).then().statusCode(201).extract().path("setupRequest.id");

        TestAuth.as(wallet).get(BASE + "/setup-requests/" + id).then().statusCode(200).contentType(ContentType.JSON)
                .body("setupRequest.id", equalTo(id))
                .body("setupRequest.status", equalTo("pending"))
                .body("node", anyOf(nullValue(), hasEntry("provider", "omniphi_cloud")));

        TestAuth.as(wallet).get(BASE + "/by-wallet/" + wallet).then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].setupRequest.id", equalTo(id))
                // no provisioner runs in this test; one of a local stack on the same broker may already have reported a node
                .body("[0].node", anyOf(nullValue(), hasEntry("provider", "omniphi_cloud")))
                .body("[0].chainInfo.isActiveValidator", equalTo(false))
                .body("[0].chainInfo.votingPower", equalTo(0))
                .body("[0].chainInfo.jailed", equalTo(false))
                .body("[0].heartbeat", nullValue());
    }

    @Test
    void unknownWalletHasNoSetups() {
        String wallet = TestData.wallet();
        TestAuth.as(wallet).get(BASE + "/by-wallet/" + wallet).then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void invalidWalletInPathIs400() {
        TestAuth.as(TestData.wallet()).get(BASE + "/by-wallet/cosmos1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqnrql8a").then()
                .statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("walletAddress"));
    }

    @Test
    void unknownIdIs404AndMalformedIdIs400() {
        String wallet = TestData.wallet();
        TestAuth.as(wallet).get(BASE + "/setup-requests/7b0b5d8e-3d7c-4a8e-9b1e-5f1d2c3b4a59").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("setup-not-found"))
                .body("status", equalTo(404));
        TestAuth.as(wallet).get(BASE + "/setup-requests/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("id"));
    }

    @Test
    void stopMovesCloudSetupToStoppingAndASecondStopIs409() {
        String wallet = TestData.wallet();
        String id = create(TestData.setupBody(wallet)).then().statusCode(201).extract()
                .path("setupRequest.id");
        TestAuth.as(wallet).contentType(ContentType.JSON).body(Map.of("setupRequestId", id)).post(BASE + "/stop")
                .then().statusCode(202).body("setupRequest.status", equalTo("stopping"));
        TestAuth.as(wallet).contentType(ContentType.JSON).body(Map.of("setupRequestId", id)).post(BASE + "/stop")
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("setup-not-stoppable"));
    }

    @Test
    void stopOfLocalSetupStopsAtOnceAndFreesTheWallet() {
        String wallet = TestData.wallet();
        Map<String, Object> body = TestData.setupBody(wallet);
        body.put("runMode", "local");
        body.remove("provider");
        String id = create(body).then().statusCode(201).body("setupRequest.provider", equalTo("local")).extract()
                .path("setupRequest.id");
        TestAuth.as(wallet).contentType(ContentType.JSON).body(Map.of("setupRequestId", id)).post(BASE + "/stop")
                .then().statusCode(202).body("setupRequest.status", equalTo("stopped"))
                .body("setupRequest.completedAt", org.hamcrest.Matchers.notNullValue());
        create(TestData.setupBody(wallet)).then().statusCode(201);
    }

    @Test
    void stopOfUnknownSetupIs404AndMissingIdIs400() {
        String wallet = TestData.wallet();
        TestAuth.as(wallet).contentType(ContentType.JSON)
                .body(Map.of("setupRequestId", "7b0b5d8e-3d7c-4a8e-9b1e-5f1d2c3b4a59"))
                .post(BASE + "/stop").then().statusCode(404);
        TestAuth.as(wallet).contentType(ContentType.JSON).body("{}").post(BASE + "/stop").then().statusCode(400)
                .body("errors[0].field", equalTo("setupRequestId"));
    }

    @Test
    void aWalletCanHaveOnlyOneLiveSetup() {
        String wallet = TestData.wallet();
        create(TestData.setupBody(wallet)).then().statusCode(201);
        create(TestData.setupBody(wallet)).then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("wallet-has-live-setup"));
        TestAuth.as(wallet).get(BASE + "/by-wallet/" + wallet).then().body("", hasSize(1));
    }

    @Test
    void commissionBelowTheChainMinimumIs422AndNothingIsStored() {
        String wallet = TestData.wallet();
        Map<String, Object> body = TestData.setupBody(wallet);
        body.put("commissionRate", 0.01);
        create(body).then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("commission-below-minimum"))
                .body("errors[0].field", equalTo("commissionRate"));
        TestAuth.as(wallet).get(BASE + "/by-wallet/" + wallet).then().body("", hasSize(0));
    }

    @Test
    void commissionKeepsAll18DecimalsWithoutGoingThroughDouble() {
        Map<String, Object> body = TestData.setupBody(TestData.wallet());
        body.put("commissionRate", new java.math.BigDecimal("0.123456789012345678"));
        String raw = create(body).then().statusCode(201).extract().asString();
        assertThat(raw).contains("\"commissionRate\":0.123456789012345678,");
    }
}
