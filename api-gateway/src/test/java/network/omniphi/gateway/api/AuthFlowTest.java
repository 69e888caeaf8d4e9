package network.omniphi.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import network.omniphi.gateway.testing.ShiftableClock;
import network.omniphi.gateway.testing.TestAuth;
import network.omniphi.gateway.testing.TestWallet;

/** Challenge → ADR-036 signature → token, and every refusal of the login. */
@QuarkusTest
class AuthFlowTest {

    @AfterEach
    void resetClock() {
        ShiftableClock.reset();
    }

    @Test
    void challengeIsSingleUseTextNamingTheWalletWithAFiveMinuteExpiry() {
        TestWallet w = TestWallet.random();
        Response r = given().queryParam("walletAddress", w.address()).get("/api/v1/auth/challenge");
        r.then().statusCode(200).contentType("application/json").header("Cache-Control", "no-store");
        String message = r.path("message");
        assertThat(message).isEqualTo("omniphi.network wants you to sign in with your wallet:\n" + w.address()
                + "\n\nSign in to the Omniphi Validator Orchestrator. This signature sends no transaction and costs no"
                + " fee.\n\nURI: https://localhost:8443\nEnvironment: test\nNonce: " + r.path("nonce")
                + "\nIssued At: " + message.substring(message.indexOf("Issued At: ") + 11, message.indexOf("\nExpir"))
                + "\nExpiration Time: " + Instant.parse(r.<String>path("expiresAt")).truncatedTo(ChronoUnit.SECONDS));
        Duration ttl = Duration.between(Instant.now(), Instant.parse(r.path("expiresAt")));
        assertThat(ttl).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5).plusSeconds(5));
    }

    @Test
    void loginAnswersAShortLivedRs256TokenForTheWallet() throws Exception {
        TestWallet w = TestWallet.random();
        Response r = TestAuth.login(w);
        r.then().statusCode(200).contentType("application/json").header("Cache-Control", "no-store");
        String token = r.path("accessToken");
        String[] parts = token.split("\\.");
        ObjectMapper json = new ObjectMapper();
        JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        assertThat(header.path("kid").asText()).isNotBlank();
        assertThat(claims.path("sub").asText()).isEqualTo(w.address());
        assertThat(claims.path("iss").asText()).isEqualTo("https://omniphi.network/gateway");
        assertThat(claims.path("aud").asText()).isEqualTo("omniphi-api/test");
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(900L);
        assertThat(Instant.parse(r.path("expiresAt"))).isEqualTo(Instant.ofEpochSecond(claims.path("exp").asLong()));
        given().header("Authorization", "Bearer " + token).get("/api/v1/validators/by-wallet/" + w.address())
                .then().statusCode(200);
    }

    @Test
    void aNonceCannotBeUsedTwice() {
        TestWallet w = TestWallet.random();
        Map<String, Object> body = w.loginBody(TestAuth.challenge(w.address()));
        TestAuth.postLogin(body).then().statusCode(200);
        refused(TestAuth.postLogin(body), "challenge-unknown");
    }

    @Test
    void anExpiredNonceIsRefused() {
        TestWallet w = TestWallet.random();
        Map<String, Object> body = w.loginBody(TestAuth.challenge(w.address()));
        ShiftableClock.shift(Duration.ofMinutes(5).plusSeconds(1));
        refused(TestAuth.postLogin(body), "challenge-expired");
        ShiftableClock.reset();
        refused(TestAuth.postLogin(body), "challenge-unknown");
    }

    @Test
    void aTamperedMessageIsRefused() {
        TestWallet w = TestWallet.random();
        String message = TestAuth.challenge(w.address());
        Map<String, Object> body = w.loginBody(message);
        body.put("message", message.replace("sign in", "sign-in"));
        refused(TestAuth.postLogin(body), "invalid-signature");
        // the genuine challenge is still open: a forged attempt does not burn it
        TestAuth.postLogin(w.loginBody(message)).then().statusCode(200);
    }

    @Test
    void aSignatureOverADocumentWithAnotherSignerIsRefused() {
        TestWallet w = TestWallet.random();
        String message = TestAuth.challenge(w.address());
        byte[] sig = w.signArbitrary(TestWallet.random().address(), message);
        refused(TestAuth.postLogin(TestWallet.loginBody(w.address(), w.publicKey(), sig, message)),
                "invalid-signature");
    }

    @Test
    void anAddressThatDoesNotDeriveFromThePubKeyIsRefused() {
        TestWallet victim = TestWallet.random();
        TestWallet attacker = TestWallet.random();
        String message = TestAuth.challenge(victim.address());
        byte[] sig = attacker.signArbitrary(victim.address(), message);
        refused(TestAuth.postLogin(TestWallet.loginBody(victim.address(), attacker.publicKey(), sig, message)),
                "address-mismatch");
    }

    @Test
    void aHighSSignatureIsRefused() {
        TestWallet w = TestWallet.random();
        String message = TestAuth.challenge(w.address());
        byte[] doc = network.omniphi.codec.Adr036.signDoc(w.address(),
                message.getBytes(StandardCharsets.UTF_8));
        refused(TestAuth.postLogin(TestWallet.loginBody(w.address(), w.publicKey(), w.signHighS(doc), message)),
                "high-s-signature");
    }

    @Test
    void anotherWalletsChallengeIsRefused() {
        TestWallet victim = TestWallet.random();
        TestWallet attacker = TestWallet.random();
        String message = TestAuth.challenge(victim.address());
        refused(TestAuth.postLogin(attacker.loginBody(message)), "challenge-unknown");
    }

    @Test
    void malformedFieldsAre400NamingThem() {
        TestWallet w = TestWallet.random();
        Map<String, Object> body = w.loginBody(TestAuth.challenge(w.address()));
        body.put("pubKey", Map.of("type", "tendermint/PubKeyEd25519", "value", "AAAA"));
        body.put("signature", "not base64!");
        Response r = TestAuth.postLogin(body);
        r.then().statusCode(400).contentType("application/problem+json");
        assertThat(r.jsonPath().getList("errors.field", String.class)).contains("pubKey.type", "pubKey.value",
                "signature");
        given().queryParam("walletAddress", "cosmos1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqnrql8a")
                .get("/api/v1/auth/challenge").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("walletAddress"));
    }

    private static void refused(Response r, String code) {
        r.then().statusCode(401).contentType("application/problem+json").body("code", equalTo(code))
                .body("status", equalTo(401));
        assertThat(r.asString()).doesNotContain("accessToken");
    }
}
