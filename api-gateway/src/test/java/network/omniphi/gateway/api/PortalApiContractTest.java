package network.omniphi.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import network.omniphi.gateway.TestData;
import network.omniphi.gateway.api.security.PublicPaths;
import network.omniphi.gateway.testing.TestAuth;

/** The API the portal stands on: OpenAPI completeness, Idempotency-Key, by-wallet pages, public config. */
@QuarkusTest
class PortalApiContractTest {

    static final String BASE = "/api/v1/validators";

    @Test
    void everyOperationHasAnIdExamplesTheProblemSchemaAndTheBearerSchemeWhereATokenIsNeeded() {
        JsonPath doc = given().queryParam("format", "json").get("/openapi").then().statusCode(200).extract().jsonPath();
        assertThat(doc.getString("components.securitySchemes.bearer.type")).isEqualTo("http");
        assertThat(doc.getString("components.securitySchemes.bearer.scheme")).isEqualTo("bearer");
        assertThat(doc.getMap("components.schemas.Problem.properties")).containsKeys("type", "title", "status",
                "detail", "instance", "code", "errors");
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        Set<String> ids = new HashSet<>();
        List<String> defects = new ArrayList<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var method : path.getValue().entrySet()) {
                String where = method.getKey().toUpperCase() + " " + path.getKey();
                @SuppressWarnings("unchecked")
                Map<String, Object> op = (Map<String, Object>) method.getValue();
                operations++;
                Object id = op.get("operationId");
                if (id == null || !ids.add(id.toString())) {
                    defects.add(where + ": missing or duplicate operationId " + id);
                }
                boolean secured = op.get("security") != null && op.get("security").toString().contains("bearer");
                if (secured != PublicPaths.requiresToken(method.getKey().toUpperCase(), path.getKey())) {
                    defects.add(where + ": bearer security " + secured + " disagrees with the access filter");
                }
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) op.get("responses");
                boolean successExample = false;
                for (var r : responses.entrySet()) {
                    String content = String.valueOf(r.getValue().get("content"));
                    if (OpenApiContract.isError(r.getKey())) {
                        if (!content.contains("application/problem+json") || !content.contains("Problem")) {
                            defects.add(where + " " + r.getKey() + ": no problem+json schema");
                        }
                    } else if ("204".equals(r.getKey()) || r.getKey().startsWith("2") && content.contains("example")) {
                        successExample = true; // a 204 has no body to exemplify
                    }
                }
                if (!successExample) {
                    defects.add(where + ": no example of a success answer");
                }
                if (!responses.containsKey("400") || !responses.containsKey("429")) {
                    defects.add(where + ": 400/429 answers not documented");
                }
                if (op.get("requestBody") != null && !op.get("requestBody").toString().contains("example")) {
                    defects.add(where + ": request body without example");
                }
            }
        }
        assertThat(defects).isEmpty();
        assertThat(operations).isGreaterThanOrEqualTo(13);
        assertThat(ids).contains("createSetupRequest", "listWalletValidators", "streamSetupEvents", "getConfig");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheFirstSetupInsteadOf409() {
        String wallet = TestData.wallet();
        Map<String, Object> body = TestData.setupBody(wallet);
        Response first = TestAuth.as(wallet).header("Idempotency-Key", "key-1").contentType(ContentType.JSON)
                .body(body).post(BASE + "/setup-requests");
        first.then().statusCode(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        String id = first.path("setupRequest.id");

        body.put("commissionRate", 0.1); // the same request written differently
        Response retry = TestAuth.as(wallet).header("Idempotency-Key", "\"key-1\"").contentType(ContentType.JSON)
                .body(body).post(BASE + "/setup-requests");
        retry.then().statusCode(201).body("setupRequest.id", equalTo(id));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("Location")).endsWith("/setup-requests/" + id);

        // without the key the same body is a second request: the wallet already has a live setup
        TestAuth.as(wallet).contentType(ContentType.JSON).body(body).post(BASE + "/setup-requests").then()
                .statusCode(409).contentType("application/problem+json");

        body.put("validatorName", "another-name");
        TestAuth.as(wallet).header("Idempotency-Key", "key-1").contentType(ContentType.JSON).body(body)
                .post(BASE + "/setup-requests").then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("idempotency-key-reused"))
                .body("errors[0].field", equalTo("Idempotency-Key"));

        TestAuth.as(wallet).get(BASE + "/by-wallet/" + wallet).then().statusCode(200).body("", hasSize(1));
    }

    @Test
    void aMalformedIdempotencyKeyIsA400NamingTheHeader() {
        String wallet = TestData.wallet();
        TestAuth.as(wallet).header("Idempotency-Key", "has space").contentType(ContentType.JSON)
                .body(TestData.setupBody(wallet)).post(BASE + "/setup-requests").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("Idempotency-Key"));
        TestAuth.as(wallet).header("Idempotency-Key", "k".repeat(256)).contentType(ContentType.JSON)
                .body(TestData.setupBody(wallet)).post(BASE + "/setup-requests").then().statusCode(400);
    }

    @Test
    void byWalletPagesWithLimitAndCursorAndStillAnswersTheArrayByDefault() {
        String wallet = TestData.wallet();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = TestData.setupBody(wallet);
            body.put("runMode", "local");
            body.remove("provider");
            String id = TestAuth.as(wallet).contentType(ContentType.JSON).body(body).post(BASE + "/setup-requests")
                    .then().statusCode(201).extract().path("setupRequest.id");
            created.add(0, id); // newest first
            TestAuth.as(wallet).contentType(ContentType.JSON).body(Map.of("setupRequestId", id))
                    .post(BASE + "/stop").then().statusCode(202);
        }
        TestAuth.as(wallet).get(BASE + "/by-wallet/" + wallet).then().statusCode(200).body("", hasSize(3));

        JsonPath page1 = TestAuth.as(wallet).queryParam("limit", 2).get(BASE + "/by-wallet/" + wallet).then()
                .statusCode(200).extract().jsonPath();
        assertThat(page1.getList("items.setupRequest.id")).containsExactly(created.get(0), created.get(1));
        String cursor = page1.getString("nextCursor");
        assertThat(cursor).isNotBlank();
        TestAuth.as(wallet).queryParam("limit", 2).queryParam("cursor", cursor).get(BASE + "/by-wallet/" + wallet)
                .then().statusCode(200).body("items", hasSize(1))
                .body("items[0].setupRequest.id", equalTo(created.get(2))).body("nextCursor", nullValue());

        TestAuth.as(wallet).queryParam("limit", 0).get(BASE + "/by-wallet/" + wallet).then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        TestAuth.as(wallet).queryParam("cursor", "bm90LWEtY3Vyc29y").get(BASE + "/by-wallet/" + wallet).then()
                .statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void theConfigIsPublicAndCarriesTheChainAndTheServersRules() {
        given().get("/api/v1/config").then().statusCode(200)
                .body("chain.chainId", equalTo("omniphi-devnet-1"))
                .body("chain.bech32Prefix", equalTo("omni"))
                .body("chain.bondDenom", equalTo("omniphi"))
                .body("chain.coinType", equalTo(118))
                .body("setupRules.validatorNameMaxBytes", equalTo(70))
                .body("setupRules.websiteMaxBytes", equalTo(140))
                .body("setupRules.descriptionMaxBytes", equalTo(280))
                .body("setupRules.minCommissionRate", equalTo("0.05"))
                .body("localAgent.bridgeUrl", equalTo("http://127.0.0.1:15000"));
    }
}
