package network.omniphi.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import network.omniphi.gateway.TestData;
import network.omniphi.gateway.testing.TestAuth;

/** GET setup-requests/{id}/events: owner-only server-sent events, read the way the portal reads them (fetch + header). */
@QuarkusTest
class SetupEventStreamTest {

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpRequest events(String id, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "api/v1/validators/setup-requests/" + id
                + "/events")).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.GET().build();
    }

    @Test
    void theOwnerGetsTheCurrentStatusAtOnceThenEachChangeAndTheStreamEndsAfterStopped() throws Exception {
        String wallet = TestData.wallet();
        Map<String, Object> body = TestData.setupBody(wallet);
        body.put("runMode", "local");
        body.remove("provider");
        String id = TestAuth.as(wallet).contentType(ContentType.JSON).body(body)
                .post("/api/v1/validators/setup-requests").then().statusCode(201).extract().path("setupRequest.id");

        HttpResponse<java.io.InputStream> response = http.send(events(id, TestAuth.tokenFor(wallet)),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        List<String> data = new ArrayList<>();
        CompletableFuture<List<String>> ended = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String event = null;
                for (String line; (line = in.readLine()) != null;) {
                    if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                    } else if (line.startsWith("data:") && "setup".equals(event)) {
                        synchronized (data) {
                            data.add(line.substring(5).strip());
                        }
                    }
                }
                return data;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            synchronized (data) {
                return !data.isEmpty();
            }
        });
        synchronized (data) {
            assertThat(data.get(0)).contains("\"id\":\"" + id + "\"").contains("\"status\":\"pending\"");
        }
        TestAuth.as(wallet).contentType(ContentType.JSON).body(Map.of("setupRequestId", id))
                .post("/api/v1/validators/stop").then().statusCode(202);
        List<String> all = ended.get(20, TimeUnit.SECONDS); // the server ends the stream after a terminal status
        assertThat(all.get(all.size() - 1)).contains("\"status\":\"stopped\"");
    }

    @Test
    void noTokenIs401AndAnotherWalletIs403BeforeAnyStreamOpens() throws Exception {
        String owner = TestData.wallet();
        String id = TestAuth.as(owner).contentType(ContentType.JSON).body(TestData.setupBody(owner))
                .post("/api/v1/validators/setup-requests").then().statusCode(201).extract().path("setupRequest.id");
        HttpResponse<String> anonymous = http.send(events(id, null), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
        String other = TestData.wallet();
        HttpResponse<String> stranger = http.send(events(id, TestAuth.tokenFor(other)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stranger.statusCode()).isEqualTo(403);
        assertThat(stranger.body()).contains("\"status\":403");
    }
}
