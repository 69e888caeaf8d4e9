package network.omniphi.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;

import network.omniphi.gateway.TestData;
import network.omniphi.gateway.testing.TestAuth;

/**
 * Token buckets with tight limits (one token per 20 s, so the outcome does not depend on how slowly a loaded machine
 * sends):
 * per wallet, per IP on /auth, per IP overall; refusals are 429 problem+json with Retry-After, health stays UP.
 */
@QuarkusTest
@TestProfile(RateLimitTest.TightLimits.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitTest {

    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(Map.entry("omniphi.gateway.rate-limit.ip.rate", "0.05"),
                    Map.entry("omniphi.gateway.rate-limit.ip.burst", "60"),
                    Map.entry("omniphi.gateway.rate-limit.auth.rate", "0.05"),
                    Map.entry("omniphi.gateway.rate-limit.auth.burst", "5"),
                    Map.entry("omniphi.gateway.rate-limit.wallet.rate", "0.05"),
                    Map.entry("omniphi.gateway.rate-limit.wallet.burst", "10"),
                    // the test client (127.0.0.1) plays the ingress: its forwarded headers are trusted, nobody else's
                    Map.entry("quarkus.http.proxy.proxy-address-forwarding", "true"),
                    Map.entry("quarkus.http.proxy.allow-x-forwarded", "true"),
                    Map.entry("quarkus.http.proxy.allow-forwarded", "true"),
                    Map.entry("quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1"));
        }
    }

    @Test
    @Order(1)
    void aWalletIsLimitedOnItsOwnAndOthersAreNot() {
        String busy = TestData.wallet();
        String calm = TestData.wallet();
        TestAuth.tokenFor(busy);
        TestAuth.tokenFor(calm);
        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            answers.add(TestAuth.as(busy).get("/api/v1/validators/by-wallet/" + busy));
        }
        assertThat(answers.get(0).statusCode()).isEqualTo(200);
        limited(answers);
        TestAuth.as(calm).get("/api/v1/validators/by-wallet/" + calm).then().statusCode(200);
    }

    @Test
    @Order(2)
    void authIsLimitedPerIpMoreTightly() {
        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            answers.add(given().queryParam("walletAddress", TestData.wallet()).get("/api/v1/auth/challenge"));
        }
        limited(answers);
    }

    @Test
    @Order(3)
    void aBurstOf200FromOneClientSees429sWhileHealthStaysUp() {
        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            answers.add(given().get("/api/v1/validators/by-wallet/" + TestData.wallet()));
            if (i % 50 == 0) {
                given().get("/health").then().statusCode(200);
            }
        }
        long refused = answers.stream().filter(r -> r.statusCode() == 429).count();
        assertThat(refused).isGreaterThan(100);
        limited(answers);
        given().get("/health").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    @Order(4)
    void clientsBehindATrustedProxyGetTheirOwnBuckets() {
        List<Response> first = burst(() -> given().header("X-Forwarded-For", "198.51.100.1"));
        limited(first);
        assertThat(first.get(0).statusCode()).isEqualTo(404);
        given().header("X-Forwarded-For", "198.51.100.2").get(PATH).then().statusCode(404);
        given().header("X-Forwarded-For", "198.51.100.1").get(PATH).then().statusCode(429);
    }

    @Test
    @Order(5)
    void ipv6ClientsBehindTheProxyShareABucketPerSlash64() {
        limited(burst(() -> given().header("Forwarded", "for=\"[2001:db8:7:7::1]:4711\"")));
        given().header("Forwarded", "for=\"[2001:db8:7:7:ffff::2]\"").get(PATH).then().statusCode(429);
        given().header("X-Forwarded-For", "2001:db8:7:7::3").get(PATH).then().statusCode(429);
        given().header("Forwarded", "for=\"[2001:db8:7:8::1]\"").get(PATH).then().statusCode(404);
    }

    @Test
    @Order(6)
    void forwardedHeadersFromAnUntrustedPeerAreIgnored() throws IOException {
        // 127.0.0.2 is loopback too, but not the trusted proxy: its X-Forwarded-For must not give fresh buckets
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            statuses.add(rawGetFrom("127.0.0.2", "X-Forwarded-For: 203.0.113." + i));
        }
        assertThat(statuses.get(0)).isEqualTo(404);
        assertThat(statuses).contains(429);
        given().header("X-Forwarded-For", "198.51.100.77").get(PATH).then().statusCode(404);
    }

    private static final String PATH = "/api/v1/no-such-route";

    private static List<Response> burst(
            java.util.function.Supplier<io.restassured.specification.RequestSpecification> req) {
        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            answers.add(req.get().get(PATH));
        }
        return answers;
    }

    /** One HTTP/1.1 GET sent from a chosen local address; answers the status code. */
    private static int rawGetFrom(String localAddress, String header) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), RestAssured.port,
                InetAddress.getByName(localAddress), 0)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + PATH + " HTTP/1.1\r\nHost: localhost\r\n" + header
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    private static void limited(List<Response> answers) {
        Response r = answers.stream().filter(a -> a.statusCode() == 429).findFirst().orElseThrow(
                () -> new AssertionError("no 429 among " + answers.stream().map(Response::statusCode).toList()));
        r.then().contentType("application/problem+json");
        assertThat(r.jsonPath().getString("code")).isEqualTo("rate-limited");
        assertThat(Long.parseLong(r.header("Retry-After"))).isPositive();
    }
}
