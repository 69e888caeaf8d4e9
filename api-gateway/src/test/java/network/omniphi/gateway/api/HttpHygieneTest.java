package network.omniphi.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.net.URL;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import network.omniphi.gateway.TestData;
import network.omniphi.gateway.testing.TestAuth;
import network.omniphi.gateway.testing.TestWallet;

/** Headers, HTTPS, CORS, size limits, problem+json for framework errors, and no secrets in logs. */
@QuarkusTest
class HttpHygieneTest {

    @TestHTTPResource(value = "/api/v1/health", tls = true)
    URL httpsHealth;

    @Test
    void apiAnswersCarryTheSecurityHeaders() {
        Response r = given().get("/api/v1/health");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(r.header("Content-Security-Policy")).startsWith("default-src 'none'");
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        assertThat(r.header("Strict-Transport-Security")).isNull();
        given().get("/api/v1/nowhere").then().statusCode(404).header("X-Frame-Options", "DENY");
    }

    @Test
    void httpsServesTheApiWithHsts() {
        Response r = given().relaxedHTTPSValidation().get(httpsHealth);
        r.then().statusCode(200).body("status", equalTo("UP"));
        assertThat(r.header("Strict-Transport-Security")).startsWith("max-age=");
    }

    @Test
    void aGetCarryingAJsonContentTypeIsAnsweredNormally() {
        // curl scripts and some HTTP clients send "Content-Type: application/json" on every request: no 500
        String wallet = TestData.wallet();
        given().contentType(ContentType.JSON).queryParam("walletAddress", wallet).get("/api/v1/auth/challenge").then()
                .statusCode(200);
        TestAuth.as(wallet).contentType(ContentType.JSON).get("/api/v1/validators/by-wallet/" + wallet).then()
                .statusCode(200);
        given().contentType(ContentType.JSON).body("{\"n\":1e999999999}").queryParam("walletAddress", wallet)
                .get("/api/v1/auth/challenge").then().statusCode(200);
    }

    @Test
    void frameworkErrorsAreProblemJson() {
        problem(given().get("/api/v1/nowhere"), 404);
        problem(given().delete("/api/v1/health"), 405);
        problem(given().contentType(ContentType.TEXT).body("hello").post("/api/v1/auth/login"), 415);
        problem(given().contentType(ContentType.JSON).body("{\"walletAddress\":").post("/api/v1/auth/login"), 400);
        String wallet = TestData.wallet();
        Response big = TestAuth.as(wallet).contentType(ContentType.JSON)
                .body("{\"walletAddress\":\"" + "a".repeat(140_000) + "\"}").post("/api/v1/validators/setup-requests");
        problem(big, 413);
        assertThat(big.jsonPath().getString("code")).isEqualTo("payload-too-large");
    }

    @Test
    void corsAllowsOnlyThePortalOriginWithoutCredentials() {
        Response ok = given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/v1/validators/setup-requests");
        assertThat(ok.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:5173");
        assertThat(ok.header("Access-Control-Allow-Credentials")).isNotEqualTo("true");
        Response evil = given().header("Origin", "https://evil.example").header("Access-Control-Request-Method",
                "POST").options("/api/v1/validators/setup-requests");
        assertThat(evil.header("Access-Control-Allow-Origin")).isNull();
        given().header("Origin", "https://evil.example").get("/api/v1/health").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void tokensSignaturesAndKeysNeverReachTheLogs() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String logger = String.valueOf(record.getLoggerName());
                if (logger.startsWith("org.apache.http")) {
                    return; // rest-assured's own wire log (the test client), not the gateway
                }
                lines.add(logger + " " + String.valueOf(record.getMessage()) + " "
                        + java.util.Arrays.toString(record.getParameters())
                        + " " + record.getThrown());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        java.util.logging.Level level = root.getLevel();
        root.addHandler(capture);
        root.setLevel(java.util.logging.Level.ALL);
        try {
            TestWallet w = TestWallet.random();
            var body = w.loginBody(TestAuth.challenge(w.address()));
            String token = TestAuth.postLogin(body).then().statusCode(200).extract().path("accessToken");
            given().header("Authorization", "Bearer " + token).get("/api/v1/validators/by-wallet/" + w.address())
                    .then().statusCode(200);
            TestAuth.postLogin(body).then().statusCode(401);
            given().header("Authorization", "Bearer " + token + "x").get("/api/v1/validators/by-wallet/x")
                    .then().statusCode(401);
            String signature = (String) body.get("signature");
            String pubKey = (String) ((java.util.Map<?, ?>) body.get("pubKey")).get("value");
            String tokenSignature = token.substring(token.lastIndexOf('.') + 1);
            assertThat(lines).isNotEmpty().noneMatch(l -> l.contains(token) || l.contains(tokenSignature)
                    || l.contains(signature) || l.contains(pubKey) || l.contains("PRIVATE KEY"));
        } finally {
            root.removeHandler(capture);
            root.setLevel(level);
        }
    }

    private static void problem(Response r, int status) {
        r.then().statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
        assertThat(r.asString()).doesNotContain("Exception").doesNotContain("at network.").doesNotContain("at io.");
    }
}
