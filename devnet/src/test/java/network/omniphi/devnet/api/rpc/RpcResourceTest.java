package network.omniphi.devnet.api.rpc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import network.omniphi.devnet.domain.Addresses;
import network.omniphi.devnet.testing.DevnetClient;
import network.omniphi.devnet.testing.FreeGrpcPort;
import network.omniphi.devnet.testing.TestSigner;

@QuarkusTest
@QuarkusTestResource(FreeGrpcPort.class)
class RpcResourceTest {

    private static final String GENESIS_OPERATOR = "omniphi-genesis-0";

    @Test
    void statusHasTheCometBftShapeAndTheHeightAdvances() {
        JsonPath first = status();
        assertThat(first.getString("jsonrpc")).isEqualTo("2.0");
        assertThat(first.getInt("id")).isEqualTo(-1);
        assertThat(first.getString("result.node_info.network")).isEqualTo("omniphi-devnet-1");
        assertThat(first.getString("result.node_info.id")).matches("[0-9a-f]{40}");
        assertThat(first.getString("result.node_info.listen_addr")).isEqualTo("tcp://0.0.0.0:26656");
        assertThat(first.getString("result.node_info.moniker")).isEqualTo("omniphi-devnet");
        assertThat(first.getBoolean("result.sync_info.catching_up")).isFalse();
        assertThat(first.getString("result.sync_info.latest_block_time")).endsWith("Z");
        assertThat(first.getString("result.validator_info.pub_key.type")).isEqualTo("tendermint/PubKeyEd25519");
        assertThat(first.getString("result.validator_info.address")).matches("[0-9A-F]{40}");
        long height = Long.parseLong(first.getString("result.sync_info.latest_block_height"));

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(
                () -> Long.parseLong(status().getString("result.sync_info.latest_block_height")) >= height + 2);
    }

    @Test
    void blockAnswersHeaderAndTxsAndRefusesBadHeights() {
        given().get("/block?height=1").then().statusCode(200).contentType(ContentType.JSON)
                .body("result.block.header.chain_id", equalTo("omniphi-devnet-1"))
                .body("result.block.header.height", equalTo("1"))
                .body("result.block.header.time", matchesPattern(".+Z"))
                .body("result.block.data.txs.size()", equalTo(0))
                .body("result.block_id.hash", matchesPattern("[0-9A-F]{64}"));
        given().get("/block").then().statusCode(200).body("result.block.header.chain_id", equalTo("omniphi-devnet-1"));
        given().get("/block?height=abc").then().statusCode(400).body("error.code", equalTo(-32602));
        given().get("/block?height=99999999").then().statusCode(500).body("error.code", equalTo(-32603));
        given().get("/health").then().statusCode(200).body("jsonrpc", equalTo("2.0"));
    }

    @Test
    void faucetFundsNewAccountsWithTheNextNumberAndRefusesBadInput() {
        TestSigner henry = TestSigner.named("rpc-henry");
        long number = DevnetClient.fund(henry.account(), "1000");
        long again = DevnetClient.fund(henry.account(), "1");
        long other = DevnetClient.fund(TestSigner.named("rpc-iris").account(), "1");

        assertThat(again).isEqualTo(number);
        assertThat(other).isGreaterThan(number);
        faucet("{\"address\":\"" + henry.account() + "\",\"amount\":{\"denom\":\"omniphi\",\"amount\":\"5\"}}")
                .then().statusCode(200).body("balance.amount", equalTo("1006"));
        faucet("{\"address\":\"cosmos1abc\",\"amount\":{\"denom\":\"omniphi\",\"amount\":\"5\"}}").then()
                .statusCode(400).contentType(ContentType.JSON).body("code", equalTo("invalid_address"));
        faucet("{\"address\":\"" + henry.account() + "\",\"amount\":{\"denom\":\"omniphi\",\"amount\":\"-5\"}}")
                .then().statusCode(400).body("code", equalTo("invalid_coins"));
        faucet("{\"address\":").then().statusCode(400).contentType(ContentType.JSON)
                .body("code", equalTo("malformed_json"));
    }

    @Test
    void jailAndUnjailChangeTheValidatorInTheNextBlock() {
        String operator = Addresses.operator(genesisOperator());
        admin("jail", operator).then().statusCode(202).body("jailed", equalTo(true));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> status().getString("result.validator_info.voting_power").equals("0"));

        admin("unjail", operator).then().statusCode(202).body("jailed", equalTo(false));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> status().getString("result.validator_info.voting_power").equals("100"));

        admin("jail", TestSigner.named("nobody").operator()).then().statusCode(404)
                .body("code", equalTo("validator_not_found"));
        admin("jail", TestSigner.named("nobody").account()).then().statusCode(400)
                .body("code", equalTo("invalid_address"));
    }

    private static byte[] genesisOperator() {
        byte[] digest = network.omniphi.devnet.domain.crypto.Hashes
                .sha256(("omniphi-devnet/genesis-operator/" + GENESIS_OPERATOR).getBytes());
        return java.util.Arrays.copyOf(digest, 20);
    }

    private static JsonPath status() {
        return given().get("/status").then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    private static io.restassured.response.Response faucet(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/faucet");
    }

    private static io.restassured.response.Response admin(String action, String validator) {
        return given().contentType(ContentType.JSON).body("{\"validatorAddress\":\"" + validator + "\"}")
                .post("/admin/" + action);
    }
}
