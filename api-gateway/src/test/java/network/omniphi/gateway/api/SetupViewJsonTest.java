package network.omniphi.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import network.omniphi.gateway.TestData;
import network.omniphi.gateway.testing.TestAuth;

/**
 * The exact JSON of the setup views for every combination of the joined read models (node and chain info each
 * present or absent). Rows are written directly, so no event (and no provisioner sharing the broker) can change
 * them while the test reads.
 */
@QuarkusTest
class SetupViewJsonTest {

    private static final String BASE = "/api/v1/validators";
    private static final String PUBKEY = "0s2iSh8bH5pmrmBhX0K8x+eyFvbrUe0LlWwWGbZqV5E=";

    @Inject
    Pool pool;

    @Test
    void setupWithNodeAndChainInfo() {
        String wallet = TestData.wallet();
        UUID id = UUID.randomUUID();
        UUID nodeId = UUID.randomUUID();
        insertSetup(id, wallet, "active", "2026-11-25T10:15:30.123456Z", "2026-11-25T10:16:00Z", null, null);
        insertNode(nodeId, id, 1234L, "2026-11-25T10:17:01.5Z");
        insertChainInfo(id, wallet, true, 1000L, false, "2026-11-25T10:18:00.000001Z");

        String setup = setupJson(id, wallet, "active", "2026-11-25T10:15:30.123456Z", "2026-11-25T10:16:00Z", null,
                null);
        String node = nodeJson(nodeId, "1234", "\"2026-11-25T10:17:01.500Z\"");
        String chainInfo = "\"chainInfo\":{\"isActiveValidator\":true,\"votingPower\":1000,\"jailed\":false,"
                + "\"operatorAddress\":\"" + valoper(wallet) + "\",\"txHash\":\"AB12CD\","
                + "\"updatedAt\":\"2026-11-25T10:18:00.000001Z\"}";
        // once the chain knows the validator, the setup's own view carries its chainInfo too
        assertThat(get(wallet, id)).isEqualTo("{\"setupRequest\":" + setup + ",\"node\":" + node + "," + chainInfo
                + "}");
        assertThat(byWallet(wallet)).isEqualTo("[{\"setupRequest\":" + setup + ",\"node\":" + node + ","
                + chainInfo + ",\"heartbeat\":null}]");
    }

    @Test
    void setupWithoutNodeOrChainInfo() {
        String wallet = TestData.wallet();
        UUID id = UUID.randomUUID();
        insertSetup(id, wallet, "pending", "2026-11-25T09:00:00Z", "2026-11-25T09:00:00Z", null, null);

        String setup = setupJson(id, wallet, "pending", "2026-11-25T09:00:00Z", "2026-11-25T09:00:00Z", null, null);
        assertThat(get(wallet, id)).isEqualTo("{\"setupRequest\":" + setup + ",\"node\":null}");
        assertThat(byWallet(wallet)).isEqualTo("[{\"setupRequest\":" + setup + ",\"node\":null,"
                + NO_CHAIN_INFO + ",\"heartbeat\":null}]");
    }

    @Test
    void setupWithNodeButNoChainInfo() {
        String wallet = TestData.wallet();
        UUID id = UUID.randomUUID();
        UUID nodeId = UUID.randomUUID();
        insertSetup(id, wallet, "provisioning", "2026-11-25T09:00:00Z", "2026-11-25T09:00:01Z", null, null);
        insertNode(nodeId, id, null, null);

        String setup = setupJson(id, wallet, "provisioning", "2026-11-25T09:00:00Z", "2026-11-25T09:00:01Z", null,
                null);
        String node = nodeJson(nodeId, "null", "null");
        assertThat(get(wallet, id)).isEqualTo("{\"setupRequest\":" + setup + ",\"node\":" + node + "}");
        assertThat(byWallet(wallet)).isEqualTo("[{\"setupRequest\":" + setup + ",\"node\":" + node + ","
                + NO_CHAIN_INFO + ",\"heartbeat\":null}]");
    }

    @Test
    void byWalletListsEverySetupNewestFirstEachWithItsOwnNodeAndChainInfo() {
        String wallet = TestData.wallet();
        UUID old = UUID.randomUUID();
        UUID live = UUID.randomUUID();
        insertSetup(old, wallet, "failed", "2026-11-24T08:00:00Z", "2026-11-24T08:05:00Z", "2026-11-24T08:05:00Z",
                "node failed: \"disk\" full");
        insertChainInfo(old, wallet, false, 0L, true, "2026-11-24T08:04:00Z");
        insertSetup(live, wallet, "pending", "2026-11-25T08:00:00Z", "2026-11-25T08:00:00Z", null, null);
        UUID nodeId = UUID.randomUUID();
        insertNode(nodeId, live, 7L, null);
        // another wallet's setup must never show up
        String other = TestData.wallet();
        insertSetup(UUID.randomUUID(), other, "pending", "2026-11-26T08:00:00Z", "2026-11-26T08:00:00Z", null, null);

        assertThat(byWallet(wallet)).isEqualTo("[{\"setupRequest\":"
                + setupJson(live, wallet, "pending", "2026-11-25T08:00:00Z", "2026-11-25T08:00:00Z", null, null)
                + ",\"node\":" + nodeJson(nodeId, "7", "null") + "," + NO_CHAIN_INFO + ",\"heartbeat\":null},"
                + "{\"setupRequest\":" + setupJson(old, wallet, "failed", "2026-11-24T08:00:00Z",
                        "2026-11-24T08:05:00Z", "\"2026-11-24T08:05:00Z\"", "\"node failed: \\\"disk\\\" full\"")
                + ",\"node\":null,\"chainInfo\":{\"isActiveValidator\":false,\"votingPower\":0,\"jailed\":true,"
                + "\"operatorAddress\":\"" + valoper(wallet) + "\",\"txHash\":\"AB12CD\","
                + "\"updatedAt\":\"2026-11-24T08:04:00Z\"},\"heartbeat\":null}]");
        TestAuth.as(wallet).get(BASE + "/setup-requests/" + live).then().statusCode(200);
        TestAuth.as(other).get(BASE + "/setup-requests/" + live).then().statusCode(403)
                .contentType("application/problem+json");
    }

    private static final String NO_CHAIN_INFO = "\"chainInfo\":{\"isActiveValidator\":false,\"votingPower\":0,"
            + "\"jailed\":false,\"operatorAddress\":null,\"txHash\":null,\"updatedAt\":null}";

    private static String get(String wallet, UUID id) {
        return utf8(TestAuth.as(wallet).get(BASE + "/setup-requests/" + id).then().statusCode(200)
                .contentType(ContentType.JSON).extract().asByteArray());
    }

    private static String byWallet(String wallet) {
        return utf8(TestAuth.as(wallet).get(BASE + "/by-wallet/" + wallet).then().statusCode(200)
                .contentType(ContentType.JSON).extract().asByteArray());
    }

    private static String utf8(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String setupJson(UUID id, String wallet, String status, String createdAt, String updatedAt,
            String completedAt, String failureReason) {
        return "{\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"walletAddress\":\"" + wallet + "\","
                + "\"validatorName\":\"orion\",\"website\":\"https://validator.example.org\","
                + "\"description\":\"Reliable é validator\",\"commissionRate\":0.12345678901234567,"
                + "\"runMode\":\"cloud\",\"provider\":\"omniphi_cloud\",\"consensusPubkey\":\"" + PUBKEY + "\","
                + "\"operatorAddress\":\"" + valoper(wallet) + "\",\"createdAt\":\"" + createdAt + "\","
                + "\"updatedAt\":\"" + updatedAt + "\",\"completedAt\":" + completedAt + ",\"failureReason\":"
                + failureReason + "}";
    }

    private static String nodeJson(UUID nodeId, String lastBlockHeight, String lastHealthCheck) {
        return "{\"id\":\"" + nodeId + "\",\"status\":\"running\",\"provider\":\"omniphi_cloud\","
                + "\"rpcEndpoint\":\"http://vn-1.validators.svc:26657\",\"p2pEndpoint\":\"tcp://203.0.113.7:26656\","
                + "\"grpcEndpoint\":null,\"logsUrl\":\"https://logs.example/vn-1\",\"lastBlockHeight\":"
                + lastBlockHeight + ",\"lastHealthCheck\":" + lastHealthCheck + "}";
    }

    private static String valoper(String wallet) {
        return network.omniphi.codec.Bech32.convert(wallet, "omnivaloper");
    }

    private void insertSetup(UUID id, String wallet, String status, String createdAt, String updatedAt,
            String completedAt, String failureReason) {
        pool.preparedQuery("INSERT INTO validator_setup_requests (id, wallet_address, validator_name, website,"
                + " description, commission_rate, run_mode, provider, status, consensus_pubkey, operator_address,"
                + " tx_hash, failure_reason, created_at, updated_at, completed_at)"
                + " VALUES ($1, $2, 'orion', 'https://validator.example.org', 'Reliable é validator', $3, 'cloud',"
                + " 'omniphi_cloud', $4, $5, $6, 'AB12CD', $7, $8, $9, $10)")
                .execute(Tuple.from(new Object[]{id, wallet, new BigDecimal("0.123456789012345670"), status, PUBKEY,
                        valoper(wallet), failureReason, at(createdAt), at(updatedAt), at(completedAt)}))
                .await().indefinitely();
    }

    private void insertNode(UUID nodeId, UUID setupId, Long lastBlockHeight, String lastHealthCheck) {
        pool.preparedQuery("INSERT INTO validator_nodes (id, setup_request_id, node_name, status, provider,"
                + " rpc_endpoint, p2p_endpoint, grpc_endpoint, logs_url, last_block_height, last_health_check,"
                + " last_event_at, created_at, updated_at) VALUES ($1, $2, 'vn-1', 'running', 'omniphi_cloud',"
                + " 'http://vn-1.validators.svc:26657', 'tcp://203.0.113.7:26656', NULL, 'https://logs.example/vn-1',"
                + " $3, $4, now(), now(), now())")
                .execute(Tuple.of(nodeId, setupId, lastBlockHeight, at(lastHealthCheck))).await().indefinitely();
    }

    private void insertChainInfo(UUID setupId, String wallet, boolean active, long votingPower, boolean jailed,
            String updatedAt) {
        pool.preparedQuery("INSERT INTO validator_chain_info (setup_request_id, operator_address,"
                + " is_active_validator, voting_power, jailed, tx_hash, last_event_at, updated_at)"
                + " VALUES ($1, $2, $3, $4, $5, 'AB12CD', now(), $6)")
                .execute(Tuple.from(new Object[]{setupId, valoper(wallet), active, votingPower, jailed,
                        at(updatedAt)}))
                .await().indefinitely();
    }

    private static OffsetDateTime at(String instant) {
        return instant == null ? null : OffsetDateTime.parse(instant);
    }
}
