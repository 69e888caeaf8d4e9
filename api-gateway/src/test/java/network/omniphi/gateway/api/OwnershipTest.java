package network.omniphi.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import network.omniphi.gateway.TestData;
import network.omniphi.gateway.testing.TestAuth;

/** A wallet acts only on its own setups: another wallet's token gets 403 problem+json and changes nothing. */
@QuarkusTest
class OwnershipTest {

    private static final String BASE = "/api/v1/validators";

    @Test
    void anotherWalletCannotReadListStopOrSignSomeoneElsesSetup() {
        String owner = TestData.wallet();
        String intruder = TestData.wallet();
        String id = TestAuth.as(owner).contentType(ContentType.JSON).body(TestData.setupBody(owner))
                .post(BASE + "/setup-requests").then().statusCode(201).extract().path("setupRequest.id");

        forbidden(TestAuth.as(intruder).get(BASE + "/setup-requests/" + id));
        forbidden(TestAuth.as(intruder).get(BASE + "/by-wallet/" + owner));
        forbidden(TestAuth.as(intruder).contentType(ContentType.JSON).body(Map.of("setupRequestId", id))
                .post(BASE + "/stop"));
        forbidden(TestAuth.as(intruder).contentType(ContentType.JSON).body("{}")
                .post(BASE + "/setup-requests/" + id + "/create-validator-tx"));
        forbidden(TestAuth.as(intruder).contentType(ContentType.JSON).body("{\"txBytes\":\"AA==\"}")
                .post(BASE + "/setup-requests/" + id + "/broadcast"));

        // the intruder's stop changed nothing (other services may move pending on; never to stopping)
        TestAuth.as(owner).get(BASE + "/setup-requests/" + id).then().statusCode(200)
                .body("setupRequest.walletAddress", equalTo(owner))
                .body("setupRequest.status", org.hamcrest.Matchers.not(org.hamcrest.Matchers.oneOf("stopping",
                        "stopped")));
    }

    @Test
    void aWalletCannotCreateASetupForAnotherWallet() {
        String owner = TestData.wallet();
        String intruder = TestData.wallet();
        forbidden(TestAuth.as(intruder).contentType(ContentType.JSON).body(TestData.setupBody(owner))
                .post(BASE + "/setup-requests"));
        TestAuth.as(owner).get(BASE + "/by-wallet/" + owner).then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void publicRoutesNeedNoToken() {
        given().get("/health").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/api/v1/health").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/openapi").then().statusCode(200);
        given().queryParam("walletAddress", TestData.wallet()).get("/api/v1/auth/challenge").then().statusCode(200);
        // heartbeats are signed by the node's key instead: never 401 (the heartbeat service is not running here)
        int status = given().contentType(ContentType.JSON).body("{}").post(BASE + "/heartbeat").then().extract()
                .statusCode();
        org.assertj.core.api.Assertions.assertThat(status).isNotEqualTo(401);
        // a key's last heartbeat is public too; the key is validated here before the heartbeat service is asked
        given().queryParam("consensusPubkey", "not-a-key").get(BASE + "/heartbeat").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("invalid-request"))
                .body("errors[0].field", equalTo("consensusPubkey"));
        given().get(BASE + "/heartbeat").then().statusCode(400).body("errors[0].field", equalTo("consensusPubkey"));
        // the standard alphabet's '+' and '/' arrive intact when URL-encoded (the heartbeat service is not running:
        // never 401 or 400)
        int last = given().queryParam("consensusPubkey", "+/+/AYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=")
                .get(BASE + "/heartbeat").then().extract().statusCode();
        org.assertj.core.api.Assertions.assertThat(last).isNotIn(400, 401);
    }

    private static void forbidden(io.restassured.response.Response r) {
        r.then().statusCode(403).contentType("application/problem+json").body("code", equalTo("forbidden"))
                .body("status", equalTo(403));
    }
}
