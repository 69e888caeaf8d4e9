package network.omniphi.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import network.omniphi.gateway.TestData;
import network.omniphi.gateway.infra.JwtTokens;
import network.omniphi.gateway.testing.TestAuth;

/** Logout revokes the token's jti durably; the token is refused from then on (401 token-revoked), others are not. */
@QuarkusTest
class LogoutTest {

    @Inject
    Pool pool;

    @Inject
    JwtTokens tokens;

    private static Response byWallet(String wallet, String token) {
        return given().header("Authorization", "Bearer " + token).get("/api/v1/validators/by-wallet/" + wallet);
    }

    private static Response logout(String token) {
        return given().header("Authorization", "Bearer " + token).post("/api/v1/auth/logout");
    }

    private String freshToken(String wallet) {
        return TestAuth.login(TestData.key(wallet)).then().statusCode(200).extract().path("accessToken");
    }

    @Test
    void aLoggedOutTokenIsRefusedAtOnceAndDurably() {
        String wallet = TestData.wallet();
        String token = freshToken(wallet);
        String other = freshToken(wallet);
        byWallet(wallet, token).then().statusCode(200);

        logout(token).then().statusCode(204);

        byWallet(wallet, token).then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("token-revoked")).header("WWW-Authenticate", "Bearer realm=\"omniphi\"");
        logout(token).then().statusCode(401).body("code", equalTo("token-revoked"));
        byWallet(wallet, other).then().statusCode(200);
        UUID jti = tokens.check(token).jti();
        Long rows = pool.preparedQuery("SELECT count(*) FROM revoked_tokens WHERE jti = $1 AND wallet_address = $2")
                .execute(Tuple.of(jti, wallet)).await().indefinitely().iterator().next().getLong(0);
        assertThat(rows).isEqualTo(1L);
    }

    @Test
    void logoutNeedsAValidToken() {
        given().post("/api/v1/auth/logout").then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("token-missing"));
        logout("a.b.c").then().statusCode(401).body("code", equalTo("token-invalid"));
    }
}
