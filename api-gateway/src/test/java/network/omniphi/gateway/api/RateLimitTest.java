package network.omniphi.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import network.omniphi.gateway.TestData;
import network.omniphi.gateway.testing.TestAuth;

/**
 * Token buckets with tight limits (1 token/s, so the outcome does not depend on how fast a loaded machine sends):
 * per wallet, per IP on /auth, per IP overall; refusals are 429 problem+json with Retry-After, health stays UP.
 */
@QuarkusTest
@TestProfile(RateLimitTest.TightLimits.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitTest {

    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("omniphi.gateway.rate-limit.ip.rate", "1", "omniphi.gateway.rate-limit.ip.burst", "60",
                    "omniphi.gateway.rate-limit.auth.rate", "1", "omniphi.gateway.rate-limit.auth.burst", "5",
                    "omniphi.gateway.rate-limit.wallet.rate", "1", "omniphi.gateway.rate-limit.wallet.burst", "10");
        }
    }

    @Test
    @Order(1)
    void aWalletIsLimitedOnItsOwnAndOthersAreNot() {
        String busy = TestData.wallet();
        String calm = TestData.wallet();
        TestAuth.tokenFor(busy);
        TestAuth.tokenFor(calm);
        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            answers.add(TestAuth.as(busy).get("/api/v1/validators/by-wallet/" + busy));
        }
        assertThat(answers.get(0).statusCode()).isEqualTo(200);
        limited(answers);
        TestAuth.as(calm).get("/api/v1/validators/by-wallet/" + calm).then().statusCode(200);
    }

    @Test
    @Order(2)
    void authIsLimitedPerIpMoreTightly() {
        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            answers.add(given().queryParam("walletAddress", TestData.wallet()).get("/api/v1/auth/challenge"));
        }
        limited(answers);
    }

    @Test
    @Order(3)
    void aBurstOf200FromOneClientSees429sWhileHealthStaysUp() {
        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            answers.add(given().get("/api/v1/validators/by-wallet/" + TestData.wallet()));
            if (i % 50 == 0) {
                given().get("/health").then().statusCode(200);
            }
        }
        long refused = answers.stream().filter(r -> r.statusCode() == 429).count();
        assertThat(refused).isGreaterThan(100);
        limited(answers);
        given().get("/health").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static void limited(List<Response> answers) {
        Response r = answers.stream().filter(a -> a.statusCode() == 429).findFirst().orElseThrow(
                () -> new AssertionError("no 429 among " + answers.stream().map(Response::statusCode).toList()));
        r.then().contentType("application/problem+json");
        assertThat(r.jsonPath().getString("code")).isEqualTo("rate-limited");
        assertThat(Long.parseLong(r.header("Retry-After"))).isPositive();
    }
}
