package network.omniphi.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import network.omniphi.gateway.TestData;
import network.omniphi.gateway.testing.TestAuth;

/**
 * The text rules of issue 14 item 4 at the edge: websites are absolute http(s) URLs, no control, invisible or bidi
 * format characters or U+2028/U+2029 in any text field, identity a Keybase id; and a bad body is 400 before any
 * state is looked at (never 404 or 409).
 */
@QuarkusTest
class SetupTextFieldsTest {

    private static void invalid(Response r, String field) {
        r.then().statusCode(400).contentType("application/problem+json").body("code", equalTo("invalid-request"));
        assertThat(r.jsonPath().getList("errors.field", String.class)).containsExactly(field);
    }

    private static Response createSetup(String wallet, Map<String, Object> body) {
        return TestAuth.as(wallet).contentType(ContentType.JSON).body(body)
                .post("/api/v1/validators/setup-requests");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "data:text/html,hi", "ftp://example.org", "example.org",
            "https://user@example.org", "//example.org"})
    void websiteMustBeAnAbsoluteHttpUrl(String website) {
        String wallet = TestData.wallet();
        Map<String, Object> body = TestData.setupBody(wallet);
        body.put("website", website);
        invalid(createSetup(wallet, body), "website");
    }

    @ParameterizedTest
    @CsvSource({"validatorName,new\\nline", "validatorName,rlo\\u202eevil", "validatorName,zero\\u200bwidth",
            "validatorName,bom\\ufeffx", "validatorName,sep\\u2028x", "validatorName,nel\\u0085",
            "description,line\\nbreak", "description,tab\\there", "description,para\\u2029", "description,lri\\u2066x",
            "website,https://example.org/\\u202e"})
    void textFieldsRefuseControlFormatAndSeparatorCharacters(String field, String escaped) {
        String wallet = TestData.wallet();
        Map<String, Object> body = TestData.setupBody(wallet);
        body.put(field, unescape(escaped));
        invalid(createSetup(wallet, body), field);
    }

    @Test
    void emptyWebsiteAndDescriptionAndUnicodeNamesAreFine() {
        String wallet = TestData.wallet();
        Map<String, Object> body = TestData.setupBody(wallet);
        body.put("website", "");
        body.put("description", "");
        body.put("validatorName", "Tom \"the\" node \\ 🚀 é");
        createSetup(wallet, body).then().statusCode(201).body("setupRequest.validatorName",
                equalTo("Tom \"the\" node \\ 🚀 é"));
    }

    @Test
    void aBadBodyIs400EvenWhenTheWalletAlreadyHasALiveSetup() {
        String wallet = TestData.wallet();
        createSetup(wallet, TestData.setupBody(wallet)).then().statusCode(201);
        Map<String, Object> bad = TestData.setupBody(wallet);
        bad.put("website", "javascript:alert(1)");
        invalid(createSetup(wallet, bad), "website");
        createSetup(wallet, TestData.setupBody(wallet)).then().statusCode(409);
    }

    private static Map<String, Object> txBody() {
        Map<String, Object> body = new TreeMap<>();
        body.put("selfDelegation", Map.of("denom", "omniphi", "amount", "1000000000"));
        body.put("maxRate", "0.20");
        body.put("maxChangeRate", "0.01");
        body.put("minSelfDelegation", "1");
        body.put("signMode", "direct");
        return body;
    }

    @ParameterizedTest
    @CsvSource({"identity,keybase:alice", "identity,6A0D65E29A4CBC8", "securityContact,ops\\u200b@example.org",
            "securityContact,ops\\n@example.org", "maxRate,0.2e1", "minSelfDelegation,-1"})
    void createValidatorTxRefusesBadFieldsBeforeLookingAtTheSetup(String field, String escaped) {
        String wallet = TestData.wallet();
        String pending = createSetup(wallet, TestData.setupBody(wallet)).then().statusCode(201).extract()
                .path("setupRequest.id");
        Map<String, Object> body = txBody();
        body.put(field, unescape(escaped));
        for (String id : new String[]{pending, UUID.randomUUID().toString()}) {
            invalid(TestAuth.as(wallet).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/validators/setup-requests/" + id + "/create-validator-tx"), field);
        }
    }

    @Test
    void aValidKeybaseIdentityPassesValidationAndMeetsTheStateCheck() {
        String wallet = TestData.wallet();
        String pending = createSetup(wallet, TestData.setupBody(wallet)).then().statusCode(201).extract()
                .path("setupRequest.id");
        Map<String, Object> body = txBody();
        body.put("identity", "6A0D65E29A4CBC8E");
        body.put("securityContact", "ops@example.org");
        TestAuth.as(wallet).contentType(ContentType.JSON).body(body)
                .post("/api/v1/validators/setup-requests/" + pending + "/create-validator-tx").then().statusCode(409)
                .body("code", equalTo("setup-not-ready-for-chain-tx"));
        TestAuth.as(wallet).contentType(ContentType.JSON).body(body)
                .post("/api/v1/validators/setup-requests/" + UUID.randomUUID() + "/create-validator-tx").then()
                .statusCode(404);
    }

    @Test
    void badStopBodyIs400() {
        String wallet = TestData.wallet();
        invalid(TestAuth.as(wallet).contentType(ContentType.JSON).body(Map.of("setupRequestId", "not-a-uuid"))
                .post("/api/v1/validators/stop"), "setupRequestId");
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/validators/stop").then().statusCode(401);
    }

    /** CSV cannot carry control characters: {@code \n}, {@code \t} and {@code \\uXXXX} are written escaped. */
    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == 'n') {
                out.append('\n');
                i++;
            } else if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == 't') {
                out.append('\t');
                i++;
            } else if (c == '\\' && i + 5 < s.length() + 0 && s.charAt(i + 1) == 'u') {
                out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
