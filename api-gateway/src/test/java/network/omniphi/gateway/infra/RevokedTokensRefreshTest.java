package network.omniphi.gateway.infra;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.ZoneOffset;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import network.omniphi.gateway.TestData;
import network.omniphi.gateway.domain.auth.VerifiedToken;
import network.omniphi.gateway.testing.TestAuth;

/**
 * A logout on another replica (a row it wrote in revoked_tokens) is refused here after this replica's next refresh,
 * which runs every omniphi.gateway.auth.revocation-refresh: the documented bound.
 */
@QuarkusTest
class RevokedTokensRefreshTest {

    @Inject
    Pool pool;

    @Inject
    JwtTokens tokens;

    @Inject
    PgRevokedTokens revoked;

    @Test
    void aRevocationWrittenByAnotherReplicaIsRefusedAfterTheNextRefresh() {
        String wallet = TestData.wallet();
        String token = TestAuth.login(TestData.key(wallet)).then().statusCode(200).extract().path("accessToken");
        VerifiedToken t = tokens.check(token);

        pool.preparedQuery("INSERT INTO revoked_tokens (jti, wallet_address, expires_at) VALUES ($1, $2, $3)")
                .execute(Tuple.of(t.jti(), wallet, t.expiresAt().atOffset(ZoneOffset.UTC))).await().indefinitely();
        revoked.refresh().await().indefinitely();

        given().header("Authorization", "Bearer " + token).get("/api/v1/validators/by-wallet/" + wallet).then()
                .statusCode(401).body("code", equalTo("token-revoked"));
    }
}
