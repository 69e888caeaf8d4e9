package network.omniphi.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import network.omniphi.gateway.TestData;
import network.omniphi.gateway.testing.TestAuth;

/** Every bad input is answered 400 problem+json naming the wrong field, and nothing is stored. */
@QuarkusTest
class SetupValidationTest {

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("walletAddress", b -> b.remove("walletAddress")),
                bad("walletAddress", b -> b.put("walletAddress", "omni1notanaddress")),
                bad("walletAddress", b -> b.put("walletAddress", flipLast(b.get("walletAddress").toString()))),
                bad("walletAddress", b -> b.put("walletAddress", "cosmos1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqnrql8a")),
                bad("walletAddress", b -> b.put("walletAddress", b.get("walletAddress").toString().toUpperCase())),
                bad("validatorName", b -> b.remove("validatorName")),
                bad("validatorName", b -> b.put("validatorName", "   ")),
                bad("validatorName", b -> b.put("validatorName", "a".repeat(71))),
                bad("validatorName", b -> b.put("validatorName", "é".repeat(36))),
                bad("validatorName", b -> b.put("validatorName", "bad\u0000name")),
                bad("validatorName", b -> b.put("validatorName", 42)),
                bad("website", b -> b.put("website", "https://" + "w".repeat(133))),
                bad("website", b -> b.put("website", "https://exa mple.org")),
                bad("description", b -> b.put("description", "d".repeat(281))),
                bad("description", b -> b.put("description", "🚀".repeat(71))),
                bad("commissionRate", b -> b.remove("commissionRate")),
                bad("commissionRate", b -> b.put("commissionRate", "1.5")),
                bad("commissionRate", b -> b.put("commissionRate", -0.1)),
                bad("commissionRate", b -> b.put("commissionRate", "0.1234567890123456789")),
                bad("commissionRate", b -> b.put("commissionRate", "ten percent")),
                bad("commissionRate", b -> b.put("commissionRate", "NaN")),
                bad("commissionRate", b -> b.put("commissionRate", true)),
                bad("commissionRate", b -> b.put("commissionRate", List.of(0.1))),
                bad("runMode", b -> b.remove("runMode")),
                bad("runMode", b -> b.put("runMode", "CLOUD")),
                bad("runMode", b -> b.put("runMode", "hybrid")),
                bad("provider", b -> b.put("provider", "aws-free-tier")),
                bad("provider", b -> {
                    b.put("runMode", "local");
                    b.put("provider", "omniphi_cloud");
                }),
                bad("extra", b -> b.put("extra", "field")));
    }

    private static Arguments bad(String field, Consumer<Map<String, Object>> change) {
        return Arguments.of(field, change);
    }

    private static String flipLast(String address) {
        char last = address.charAt(address.length() - 1);
        return address.substring(0, address.length() - 1) + (last == 'q' ? 'p' : 'q');
    }

    @ParameterizedTest(name = "[{index}] bad {0}")
    @MethodSource("badInputs")
    void badInputIs400NamingTheFieldAndStoresNothing(String field, Consumer<Map<String, Object>> change) {
        String wallet = TestData.wallet();
        Map<String, Object> body = TestData.setupBody(wallet);
        change.accept(body);
        Response r = TestAuth.as(wallet).contentType(ContentType.JSON).body(body)
                .post("/api/v1/validators/setup-requests");
        r.then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", org.hamcrest.Matchers.startsWith("https://omniphi.network/problems/"));
        List<String> fields = r.jsonPath().getList("errors.field");
        assertThat(fields).contains(field);
        assertThat(r.asString()).doesNotContain("Exception").doesNotContain("at network.");
        TestAuth.as(wallet).get("/api/v1/validators/by-wallet/" + wallet).then().statusCode(200).body("", hasSize(0));
    }

    @ParameterizedTest(name = "[{index}] malformed body {0}")
    @MethodSource("malformedBodies")
    void malformedJsonIs400ProblemJson(String body) {
        TestAuth.as(TestData.wallet()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/validators/setup-requests").then().statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400));
    }

    static Stream<String> malformedBodies() {
        return Stream.of("{", "[]", "\"text\"", "{\"walletAddress\": }", "{} {}", "null");
    }
}
