package network.omniphi.e2e;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The running local stack, seen from outside: the gateway's public HTTPS API, devnet's dev endpoints, the wallet. */
final class Stack {

    static final String GATEWAY = System.getProperty("e2e.gateway", "https://localhost:8443");
    static final String CHAIN_ID = System.getProperty("e2e.chain-id", "omniphi-devnet-1");
    static final String DEVNET_RPC = System.getProperty("e2e.devnet-rpc", "http://localhost:26657");
    static final Path REPO = Path.of(System.getProperty("omniphi.repo", "..")).toAbsolutePath().normalize();
    static final ObjectMapper JSON = new ObjectMapper();

    private Stack() {
    }

    /** Requests to the gateway over TLS (the local stack's certificate is self-signed). */
    static RequestSpecification gateway() {
        return given().spec(new RequestSpecBuilder().setBaseUri(GATEWAY).setRelaxedHTTPSValidation()
                .setContentType(ContentType.JSON).build());
    }

    static RequestSpecification gateway(String token) {
        return gateway().header("Authorization", "Bearer " + token);
    }

    static void faucet(String address, String amount) {
        given().baseUri(DEVNET_RPC).contentType(ContentType.JSON)
                .body(Map.of("address", address, "amount", Map.of("denom", "omniphi", "amount", amount)))
                .post("/faucet").then().statusCode(200);
    }

    static void jail(String operatorAddress) {
        given().baseUri(DEVNET_RPC).contentType(ContentType.JSON).body(Map.of("validatorAddress", operatorAddress))
                .post("/admin/jail").then().statusCode(202);
    }

    /** Runs one of the project's Node wallet scripts with a JSON input on stdin; returns its JSON output. */
    static JsonNode node(String script, Object input) {
        try {
            Process p = new ProcessBuilder("node", REPO.resolve(script).toString()).redirectErrorStream(false).start();
            p.getOutputStream().write(JSON.writeValueAsBytes(input));
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(script + " failed: " + err);
            }
            return JSON.readTree(out);
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Logs the wallet in with a CosmJS ADR-036 signature over the gateway's challenge; returns the access token. */
    static String login(Wallet wallet) {
        JsonNode challenge = JSON.valueToTree(gateway().queryParam("walletAddress", wallet.address())
                .get("/api/v1/auth/challenge").then().statusCode(200).extract().as(Map.class));
        JsonNode body = node("tools/cosmjs-login/sign-login.mjs",
                Map.of("privateKeyHex", wallet.privateKeyHex(), "message", challenge.get("message").asText()));
        return gateway().body(body.toString()).post("/api/v1/auth/login").then().statusCode(200).extract()
                .path("accessToken");
    }
}
