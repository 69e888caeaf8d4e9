package network.omniphi.gateway.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import network.omniphi.gateway.domain.heartbeat.LastHeartbeat;
import network.omniphi.gateway.domain.heartbeat.NodeHeartbeat;
import network.omniphi.gateway.domain.heartbeat.WalletHeartbeats;

/**
 * The mapping of the heartbeat service's read answers onto the domain's records: the field names are those of the
 * heartbeat service's {@code HeartbeatView} and {@code InternalHeartbeatResource.LastHeartbeat} records.
 */
class HttpHeartbeatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void aByWalletAnswerBecomesOneNodeHeartbeatPerEntry() throws Exception {
        WalletHeartbeats got = HttpHeartbeats.walletHeartbeats(json("""
                [{"walletAddress":"omni1w","consensusPubkey":"k1","setupRequestId":"s1",
                  "firstSeen":"2026-12-04T09:00:00.125Z","lastSeen":"2026-12-04T09:30:05.318402Z",
                  "blockHeight":4242,"uptimeSeconds":1805,"localRpcPort":26657,"localP2pPort":26656,
                  "stale":true,"heightStalled":false,"addedLater":"ignored"},
                 {"walletAddress":"omni1w","consensusPubkey":"k2","setupRequestId":null,
                  "firstSeen":"2026-12-04T09:00:00Z","lastSeen":"2026-12-04T09:00:00Z",
                  "blockHeight":0,"uptimeSeconds":0,"localRpcPort":1,"localP2pPort":2,
                  "stale":false,"heightStalled":true}]"""));

        assertThat(got.nodes()).containsExactly(
                new NodeHeartbeat("omni1w", "k1", "s1", Instant.parse("2026-12-04T09:00:00.125Z"),
                        Instant.parse("2026-12-04T09:30:05.318402Z"), 4242, 1805, 26657, 26656, true, false),
                new NodeHeartbeat("omni1w", "k2", null, Instant.parse("2026-12-04T09:00:00Z"),
                        Instant.parse("2026-12-04T09:00:00Z"), 0, 0, 1, 2, false, true));
    }

    @Test
    void anEntryWithoutAFieldTheGatewayShowsIsRefusedNotGuessed() {
        assertThatThrownBy(() -> HttpHeartbeats.walletHeartbeats(json("""
                [{"walletAddress":"omni1w","consensusPubkey":"k1","setupRequestId":"s1",
                  "firstSeen":"2026-12-04T09:00:00Z","lastSeen":"2026-12-04T09:00:00Z",
                  "blockHeight":"4242","uptimeSeconds":1,"localRpcPort":1,"localP2pPort":2,
                  "stale":false,"heightStalled":false}]""")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("blockHeight");
        assertThatThrownBy(() -> HttpHeartbeats.walletHeartbeats(json("""
                [{"walletAddress":"omni1w","consensusPubkey":"k1",
                  "firstSeen":"yesterday","lastSeen":"2026-12-04T09:00:00Z",
                  "blockHeight":1,"uptimeSeconds":1,"localRpcPort":1,"localP2pPort":2,
                  "stale":false,"heightStalled":false}]""")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("firstSeen");
        assertThatThrownBy(() -> HttpHeartbeats.walletHeartbeats(json("{}")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not an array");
    }

    @Test
    void aByKeyAnswerKeepsTheSignedTimestampAsTheNodeWroteIt() throws Exception {
        LastHeartbeat got = HttpHeartbeats.lastHeartbeat(json("""
                {"consensusPubkey":"k1","lastHeartbeatTimestamp":"2026-12-04T09:30:05.250+00:00",
                 "lastReceivedAt":"2026-12-04T09:30:05.318402Z"}"""));

        assertThat(got).isEqualTo(new LastHeartbeat("k1", "2026-12-04T09:30:05.250+00:00",
                Instant.parse("2026-12-04T09:30:05.318402Z")));
    }
}
