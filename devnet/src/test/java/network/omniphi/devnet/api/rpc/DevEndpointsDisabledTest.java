package network.omniphi.devnet.api.rpc;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import network.omniphi.devnet.testing.FreeGrpcPort;
import network.omniphi.devnet.testing.TestSigner;

@QuarkusTest
@TestProfile(DevEndpointsDisabledTest.Disabled.class)
@QuarkusTestResource(FreeGrpcPort.class)
class DevEndpointsDisabledTest {

    public static class Disabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("devnet.dev-endpoints", "false");
        }
    }

    @Test
    void faucetAndAdminAnswer404WhenDevEndpointsAreOff() {
        given().contentType(ContentType.JSON)
                .body("{\"address\":\"" + TestSigner.named("x").account()
                        + "\",\"amount\":{\"denom\":\"omniphi\",\"amount\":\"5\"}}")
                .post("/faucet").then().statusCode(404).body("code", equalTo("dev_endpoints_disabled"));
        given().contentType(ContentType.JSON)
                .body("{\"validatorAddress\":\"" + TestSigner.named("x").operator() + "\"}")
                .post("/admin/jail").then().statusCode(404).body("code", equalTo("dev_endpoints_disabled"));
        given().get("/status").then().statusCode(200);
    }
}
