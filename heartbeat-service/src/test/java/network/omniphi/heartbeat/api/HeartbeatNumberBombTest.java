package network.omniphi.heartbeat.api;

import static io.restassured.RestAssured.given;
import static network.omniphi.heartbeat.api.HeartbeatResourceTest.PATH;
import static network.omniphi.heartbeat.api.HeartbeatResourceTest.stored;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import network.omniphi.heartbeat.support.TestNode;

/**
 * Number bombs in every numeric heartbeat field: 400 problem+json naming the field in well under a second, nothing
 * stored, the service still ready. A 100,000-digit number does not fit the 16K body limit: 413 problem+json.
 */
@QuarkusTest
class HeartbeatNumberBombTest {

    private static final String HUGE_EXPONENT = "1e999999999";
    private static final String TINY_EXPONENT = "1e-999999999";
    private static final String TEN_THOUSAND_DIGITS = "9".repeat(10_000);

    private final TestNode node = new TestNode();

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"blockHeight,HUGE", "blockHeight,TINY", "blockHeight,DIGITS", "uptimeSeconds,HUGE",
            "uptimeSeconds,TINY", "uptimeSeconds,DIGITS", "localRpcPort,HUGE", "localRpcPort,TINY",
            "localRpcPort,DIGITS", "localP2pPort,HUGE", "localP2pPort,TINY", "localP2pPort,DIGITS"})
    void aNumberBombIs400NamingTheField(String field, String bomb) throws JsonProcessingException {
        String number = switch (bomb) {
            case "HUGE" -> HUGE_EXPONENT;
            case "TINY" -> TINY_EXPONENT;
            default -> TEN_THOUSAND_DIGITS;
        };
        Map<String, Object> body = node.signed(Instant.now(), 1);
        body.put(field, "__BOMB__");
        String json = new ObjectMapper().writeValueAsString(body).replace("\"__BOMB__\"", number);

        long start = System.nanoTime();
        Response r = given().contentType(ContentType.JSON).body(json).post(PATH);
        long millis = (System.nanoTime() - start) / 1_000_000;

        r.then().statusCode(400).contentType("application/problem+json");
        assertThat(r.jsonPath().getString("code")).isEqualTo("invalid-heartbeat");
        assertThat(r.jsonPath().getList("errors.field")).containsExactly(field);
        assertThat(millis).isLessThan(1000);
        assertThat(stored(node.wallet)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aHundredThousandDigitsExceedTheBodyLimit() throws JsonProcessingException {
        Map<String, Object> body = node.signed(Instant.now(), 1);
        body.put("blockHeight", "__BOMB__");
        String json = new ObjectMapper().writeValueAsString(body).replace("\"__BOMB__\"", "9".repeat(100_000));
        Response r = given().contentType(ContentType.JSON).body(json).post(PATH);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(stored(node.wallet)).isEmpty();
    }

    /** The service stays ready after the bombs (checked while the test's Quarkus instance still runs). */
    @org.junit.jupiter.api.Test
    void stillReadyAfterABomb() throws JsonProcessingException {
        Map<String, Object> body = node.signed(Instant.now(), 1);
        body.put("blockHeight", "__BOMB__");
        String json = new ObjectMapper().writeValueAsString(body).replace("\"__BOMB__\"", "1e999999999");
        assertThat(given().contentType(ContentType.JSON).body(json).post(PATH).statusCode()).isEqualTo(400);
        given().get("/q/health/ready").then().statusCode(200);
    }
}
