package network.omniphi.gateway.testing;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import network.omniphi.gateway.TestData;

/** Access tokens for test wallets, obtained through the real challenge → ADR-036 signature → login flow. */
public final class TestAuth {

    private record Cached(String token, Instant expiresAt) {
    }

    private static final Map<String, Cached> TOKENS = new ConcurrentHashMap<>();

    private TestAuth() {
    }

    /** A request that carries a valid token for {@code wallet} (a wallet made by {@link TestData#wallet()}). */
    public static RequestSpecification as(String wallet) {
        return given().header("Authorization", "Bearer " + tokenFor(wallet));
    }

    public static String tokenFor(String wallet) {
        Cached cached = TOKENS.get(wallet);
        if (cached != null && cached.expiresAt().isAfter(Instant.now().plusSeconds(120))) {
            return cached.token();
        }
        Response login = login(TestData.key(wallet));
        login.then().statusCode(200);
        Cached fresh = new Cached(login.path("accessToken"), Instant.parse(login.path("expiresAt")));
        TOKENS.put(wallet, fresh);
        return fresh.token();
    }

    /** The challenge message issued for a wallet. */
    public static String challenge(String wallet) {
        return given().queryParam("walletAddress", wallet).get("/api/v1/auth/challenge").then().statusCode(200)
                .extract().path("message");
    }

    /** Performs challenge + login and answers the raw login response. */
    public static Response login(TestWallet wallet) {
        return postLogin(wallet.loginBody(challenge(wallet.address())));
    }

    public static Response postLogin(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/auth/login");
    }
}
