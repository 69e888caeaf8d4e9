package network.omniphi.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * The API contract is where the README and the start-up banner say, on the gateway's public port of the running stack
 * (module tests run without the management interface, so only a running stack shows where Quarkus serves it): the
 * OpenAPI document at /openapi and its UI at /docs, without a token.
 */
class PublicApiDocsIT {

    @Test
    void theOpenApiDocumentAndItsUiAreOnThePublicPort() {
        JsonPath doc = Stack.gateway().queryParam("format", "json").get("/openapi").then().statusCode(200)
                .extract().jsonPath();
        assertThat(doc.getString("paths.'/api/v1/validators/heartbeat'.post.operationId"))
                .isEqualTo("submitHeartbeat");
        Map<String, Object> heartbeat = doc.getMap("components.schemas.NodeHeartbeat.properties");
        assertThat(heartbeat).containsOnlyKeys("walletAddress", "consensusPubkey", "setupRequestId", "firstSeen",
                "lastSeen", "blockHeight", "uptimeSeconds", "localRpcPort", "localP2pPort", "stale", "heightStalled");
        assertThat(doc.getString("components.schemas.WalletValidator.properties.heartbeat.'$ref'"))
                .isEqualTo("#/components/schemas/NodeHeartbeat");

        Stack.gateway().get("/docs/").then().statusCode(200).header("Content-Type", containsString("text/html"))
                .body(containsString("swagger"));
    }
}
