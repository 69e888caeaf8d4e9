package network.omniphi.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import network.omniphi.gateway.TestData;
import network.omniphi.gateway.testing.TestAuth;

/**
 * Number bombs ({@code 1e999999999}, {@code 1e-999999999}, 100,000 digits) in every numeric field of every endpoint,
 * as JSON numbers and, where the field takes them, as decimal strings: 400 problem+json naming the field in well under
 * a second, and the gateway stays ready. Before this guard, {@code commissionRate: 1e999999999} exhausted the heap.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NumberBombTest {

    private static final String HUNDRED_THOUSAND_DIGITS = "9".repeat(100_000);
    private static final List<String> BOMBS = List.of("1e999999999", "1e-999999999", "-1e999999999",
            HUNDRED_THOUSAND_DIGITS, "0." + HUNDRED_THOUSAND_DIGITS);
    private static final String PLACEHOLDER = "\"__BOMB__\"";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String wallet;
    private static String setupId;

    /** A pending setup of the test's wallet (made once, inside the first test: the HTTP port is known by then). */
    private static synchronized void aPendingSetup() {
        if (setupId == null) {
            wallet = TestData.wallet();
            setupId = TestAuth.as(wallet).contentType(ContentType.JSON).body(TestData.setupBody(wallet))
                    .post("/api/v1/validators/setup-requests").then().statusCode(201).extract()
                    .path("setupRequest.id");
        }
    }

    /** endpoint, field (dotted path), where the bomb goes; each bomb as a JSON number and as a string. */
    static Stream<Arguments> cases() {
        List<Object[]> targets = List.of(
                new Object[]{"setup-requests", "commissionRate", true},
                new Object[]{"create-validator-tx", "selfDelegation.amount", true},
                new Object[]{"create-validator-tx", "maxRate", true},
                new Object[]{"create-validator-tx", "maxChangeRate", true},
                new Object[]{"create-validator-tx", "minSelfDelegation", true},
                new Object[]{"heartbeat", "blockHeight", false},
                new Object[]{"heartbeat", "uptimeSeconds", false},
                new Object[]{"heartbeat", "localRpcPort", false},
                new Object[]{"heartbeat", "localP2pPort", false},
                new Object[]{"stop", "setupRequestId", false},
                new Object[]{"login", "signature", false});
        Stream.Builder<Arguments> out = Stream.builder();
        for (Object[] t : targets) {
            for (String bomb : BOMBS) {
                out.add(Arguments.of(t[0], t[1], shown(bomb), bomb, false));
                if ((boolean) t[2]) {
                    out.add(Arguments.of(t[0], t[1], "\"" + shown(bomb) + "\"", bomb, true));
                }
            }
        }
        return out.build();
    }

    private static String shown(String bomb) {
        return bomb.length() > 20 ? bomb.substring(0, 8) + "...(" + bomb.length() + " chars)" : bomb;
    }

    @Order(1)
    @ParameterizedTest(name = "{0} {1} = {2}")
    @MethodSource("cases")
    void aNumberBombIs400NamingTheFieldInMilliseconds(String endpoint, String field, String shown, String bomb,
            boolean asString) throws JsonProcessingException {
        aPendingSetup();
        String json = body(endpoint, field).replace(PLACEHOLDER, asString ? "\"" + bomb + "\"" : bomb);

        // the fastest of three answers, so that a busy build machine's pauses do not count (the under-a-second
        // figure is checked by hand on the local stack); a bomb that is converted instead of refused takes many
        // seconds or the whole heap every time
        Response r = null;
        long millis = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3 && millis >= 500; attempt++) {
            long start = System.nanoTime();
            r = request(endpoint).contentType(ContentType.JSON).body(json).post(path(endpoint));
            millis = Math.min(millis, (System.nanoTime() - start) / 1_000_000);
        }

        r.then().statusCode(400).contentType("application/problem+json").body("code", equalTo("invalid-request"))
                .body("status", equalTo(400));
        assertThat(r.jsonPath().getList("errors.field", String.class)).contains(field);
        assertThat(millis).as("answered in %d ms", millis).isLessThan(2000);
    }

    @Test
    @Order(2)
    void ordinaryNumbersStillPass() {
        Map<String, Object> body = TestData.setupBody(TestData.wallet());
        String json = "{" + body.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":"
                        + (e.getKey().equals("commissionRate") ? "0.100000000000000000" : "\"" + e.getValue() + "\""))
                .reduce((a, b) -> a + "," + b).orElseThrow() + "}";
        TestAuth.as(body.get("walletAddress").toString()).contentType(ContentType.JSON).body(json)
                .post("/api/v1/validators/setup-requests").then().statusCode(201)
                .body("setupRequest.commissionRate", equalTo(0.1f));
    }

    @Test
    @Order(3)
    void theGatewayIsStillHealthyAfterwards() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/api/v1/health").then().statusCode(200);
    }

    private static RequestSpecification request(String endpoint) {
        return switch (endpoint) {
            case "heartbeat", "login" -> given();
            default -> TestAuth.as(wallet);
        };
    }

    private static String path(String endpoint) {
        return switch (endpoint) {
            case "setup-requests" -> "/api/v1/validators/setup-requests";
            case "create-validator-tx" -> "/api/v1/validators/setup-requests/" + setupId + "/create-validator-tx";
            case "heartbeat" -> "/api/v1/validators/heartbeat";
            case "stop" -> "/api/v1/validators/stop";
            case "login" -> "/api/v1/auth/login";
            default -> throw new IllegalArgumentException(endpoint);
        };
    }

    /** A valid body of the endpoint with the placeholder at {@code field}. */
    @SuppressWarnings("unchecked")
    private static String body(String endpoint, String field) throws JsonProcessingException {
        Map<String, Object> body = switch (endpoint) {
            case "setup-requests" -> TestData.setupBody(TestData.wallet());
            case "create-validator-tx" -> new java.util.TreeMap<>(Map.of("selfDelegation",
                    new java.util.TreeMap<>(Map.of("denom", "omniphi", "amount", "1000000000")), "maxRate", "0.20",
                    "maxChangeRate", "0.01", "minSelfDelegation", "1", "signMode", "direct"));
            case "heartbeat" -> new java.util.TreeMap<>(Map.of("walletAddress", wallet, "consensusPubkey",
                    "xflYVYYR3UHBAJAXyaw3u4zLoWmFQAH5IkANJ1VmhDg=", "blockHeight", 1, "uptimeSeconds", 1,
                    "localRpcPort", 26657, "localP2pPort", 26656, "timestamp", "2026-11-25T18:00:00Z", "signature",
                    "A".repeat(86) + "=="));
            case "stop" -> new java.util.TreeMap<>(Map.of("setupRequestId", setupId));
            case "login" -> new java.util.TreeMap<>(Map.of("walletAddress", wallet, "pubKey",
                    Map.of("type", "tendermint/PubKeySecp256k1", "value", "A".repeat(44)), "signature",
                    "A".repeat(88), "message", "m"));
            default -> throw new IllegalArgumentException(endpoint);
        };
        if (endpoint.equals("setup-requests")) {
            body.put("walletAddress", wallet);
        }
        String[] parts = field.split("\\.");
        Map<String, Object> target = body;
        for (int i = 0; i < parts.length - 1; i++) {
            target = (Map<String, Object>) target.get(parts[i]);
        }
        target.put(parts[parts.length - 1], "__BOMB__");
        return JSON.writeValueAsString(body);
    }
}
