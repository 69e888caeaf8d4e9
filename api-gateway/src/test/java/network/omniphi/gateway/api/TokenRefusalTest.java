package network.omniphi.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

import network.omniphi.gateway.TestData;
import network.omniphi.gateway.infra.JwtTokens;
import network.omniphi.gateway.infra.SigningKeys;

/** Every protected route refuses a missing, malformed, expired, forged or foreign token with 401 problem+json. */
@QuarkusTest
class TokenRefusalTest {

    @Inject
    JwtTokens tokens;

    private final String wallet = TestData.wallet();

    @Test
    void noTokenIs401WithAChallengeHeader() {
        given().get("/api/v1/validators/by-wallet/" + wallet).then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("token-missing"))
                .header("WWW-Authenticate", "Bearer realm=\"omniphi\"");
        given().contentType("application/json").body(TestData.setupBody(wallet))
                .post("/api/v1/validators/setup-requests").then().statusCode(401)
                .body("code", equalTo("token-missing"));
        given().contentType("application/json").body("{\"setupRequestId\":\"7b0b5d8e-3d7c-4a8e-9b1e-5f1d2c3b4a59\"}")
                .post("/api/v1/validators/stop").then().statusCode(401);
        given().get("/api/v1/validators/setup-requests/7b0b5d8e-3d7c-4a8e-9b1e-5f1d2c3b4a59").then().statusCode(401);
        given().contentType("application/json").body("{}")
                .post("/api/v1/validators/setup-requests/7b0b5d8e-3d7c-4a8e-9b1e-5f1d2c3b4a59/broadcast").then()
                .statusCode(401);
    }

    @Test
    void malformedHeadersAre401() {
        for (String header : new String[]{"Bearer", "Basic Zm9vOmJhcg==", "Bearer a.b.c", "Bearer x y",
                "Bearer " + "a".repeat(5000)}) {
            with(header).then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void anExpiredTokenIs401TokenExpired() {
        Instant past = Instant.now().minusSeconds(3600);
        String token = mint(currentKey(), tokens.currentKeyId(), "https://omniphi.network/gateway", past);
        with("Bearer " + token).then().statusCode(401).body("code", equalTo("token-expired"));
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair other = g.generateKeyPair();
        String forged = mint(other.getPrivate(), tokens.currentKeyId(), "https://omniphi.network/gateway",
                Instant.now());
        with("Bearer " + forged).then().statusCode(401).body("code", equalTo("token-invalid"));
    }

    @Test
    void aTokenForAnotherEnvironmentsAudienceIs401() {
        String good = mint(currentKey(), tokens.currentKeyId(), "https://omniphi.network/gateway", Instant.now());
        with("Bearer " + good).then().statusCode(200);
        for (String audience : new String[]{"omniphi-api/production", "omniphi-api", "omniphi-api/devnet"}) {
            String other = mint(currentKey(), tokens.currentKeyId(), "https://omniphi.network/gateway", audience,
                    Instant.now());
            with("Bearer " + other).then().statusCode(401).contentType("application/problem+json")
                    .body("code", equalTo("token-invalid"));
        }
    }

    @Test
    void wrongIssuerAndUnsignedTokensAre401() {
        String wrongIssuer = mint(currentKey(), tokens.currentKeyId(), "https://evil.example", Instant.now());
        with("Bearer " + wrongIssuer).then().statusCode(401).body("code", equalTo("token-invalid"));
        String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64("{\"sub\":\"" + wallet
                + "\",\"iss\":\"https://omniphi.network/gateway\",\"aud\":\"omniphi-api\",\"exp\":"
                + (Instant.now().getEpochSecond() + 600) + "}") + ".";
        with("Bearer " + none).then().statusCode(401).body("code", equalTo("token-invalid"));
    }

    private io.restassured.response.Response with(String authorization) {
        return given().header("Authorization", authorization).get("/api/v1/validators/by-wallet/" + wallet);
    }

    private static PrivateKey currentKey() {
        Path file = ConfigProvider.getConfig().getValue("omniphi.gateway.auth.signing-key", Path.class);
        return SigningKeys.loadOrCreate(file, false).getPrivate();
    }

    private String mint(PrivateKey key, String kid, String issuer, Instant issuedAt) {
        return mint(key, kid, issuer, "omniphi-api/test", issuedAt);
    }

    private String mint(PrivateKey key, String kid, String issuer, String audience, Instant issuedAt) {
        return Jwt.issuer(issuer).subject(wallet).audience(audience).issuedAt(issuedAt.getEpochSecond())
                .expiresAt(issuedAt.getEpochSecond() + 900).claim("jti", java.util.UUID.randomUUID().toString())
                .jws().keyId(kid).algorithm(SignatureAlgorithm.RS256).sign(key);
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes());
    }
}
