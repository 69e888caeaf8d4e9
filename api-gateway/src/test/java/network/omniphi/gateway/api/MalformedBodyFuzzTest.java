package network.omniphi.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;

import network.omniphi.gateway.TestData;
import network.omniphi.gateway.testing.TestAuth;

/**
 * Hostile bodies against every writing route: wrong types, huge strings, unicode edge cases, negative/NaN numbers,
 * extra fields, broken JSON. Every answer is a 4xx problem+json without internals, and no row is written.
 */
@QuarkusTest
class MalformedBodyFuzzTest {

    private static final String[] ROUTES = {"/api/v1/validators/setup-requests", "/api/v1/validators/stop",
            "/api/v1/auth/login"};

    @Inject
    Pool pool;

    static List<String> bodies(String wallet) {
        List<String> values = List.of("null", "true", "-1", "-0.0", "1e309", "NaN", "-Infinity", "\"NaN\"",
                "\"-0.1\"", "[]", "{}", "[1,2]", "\"" + "x".repeat(60_000) + "\"", "\"\\u0000\"", "\"\\ud800\"",
                "\"\\udfff\\ud800\"", "\"\u202e\u200b\ufeff\"", "\"🚀\u0301\"", "12345678901234567890123456789",
                "\"omni1" + "q".repeat(80) + "\"");
        String[] fields = {"walletAddress", "validatorName", "commissionRate", "runMode", "provider", "website",
                "setupRequestId", "pubKey", "signature", "message"};
        List<String> out = new ArrayList<>();
        Random random = new Random(42);
        for (String value : values) {
            out.add("{\"" + fields[random.nextInt(fields.length)] + "\":" + value + ",\"walletAddress\":\"" + wallet
                    + "\"}");
            out.add("{\"walletAddress\":\"" + wallet + "\",\"" + fields[random.nextInt(fields.length)] + "\":"
                    + value + ",\"extra\":1}");
        }
        out.addAll(List.of("", "{", "}", "[", "{\"a\":}", "{\"walletAddress\":\"" + wallet + "\"}{}", "\u0000",
                "{\"walletAddress\":\"" + wallet + "\",\"walletAddress\":1}", "{\"pubKey\":{\"type\":1}}",
                "{\"pubKey\":{\"type\":\"tendermint/PubKeySecp256k1\",\"value\":\"" + "A".repeat(1000) + "\"}}",
                "{\"commissionRate\":{\"$gt\":0}}", "'single'", "{'a':1}", "{\"a\":1,}"));
        return out;
    }

    @Test
    void everyMalformedBodyIs4xxProblemJsonAndWritesNothing() {
        String wallet = TestData.wallet();
        TestAuth.tokenFor(wallet);
        long[] before = counts();
        for (String route : ROUTES) {
            for (String body : bodies(wallet)) {
                Response r = TestAuth.as(wallet).contentType(ContentType.JSON).body(body).post(route);
                assertThat(r.statusCode()).as(route + " " + abbreviate(body)).isBetween(400, 499);
                assertThat(r.contentType()).as(route + " " + abbreviate(body)).startsWith("application/problem+json");
                assertThat(r.asString()).doesNotContain("Exception").doesNotContain("at network.");
            }
        }
        assertThat(counts()).containsExactly(before);
        TestAuth.as(wallet).get("/api/v1/validators/by-wallet/" + wallet).then().statusCode(200);
        given().get("/health").then().statusCode(200);
    }

    private long[] counts() {
        return new long[]{count("validator_setup_requests"), count("wallet_keys"), count("outbox")};
    }

    private long count(String table) {
        return pool.query("SELECT count(*) FROM " + table).execute().await().indefinitely().iterator().next()
                .getLong(0);
    }

    private static String abbreviate(String body) {
        return body.length() > 80 ? body.substring(0, 80) + "…" : body;
    }
}
