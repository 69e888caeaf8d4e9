package network.omniphi.gateway.domain.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class WalletHeartbeatsTest {

    private static final UUID SETUP = UUID.fromString("5f0c6d7e-0a1b-4c2d-8e3f-405162738495");
    private static final String KEY = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";
    private static final String OTHER_KEY = "9+oDE4qh0Ehrzl1Z+7ywErZlGg8x2BrZ6YNUmC5ya1Q=";

    private static NodeHeartbeat node(String key, String setupId, long height) {
        Instant t = Instant.parse("2026-12-04T09:00:00Z");
        return new NodeHeartbeat("omni1wallet", key, setupId, t, t, height, 60, 26657, 26656, false, false);
    }

    @Test
    void theNodeLinkedToTheSetupWinsOverOneWithTheSetupsKey() {
        WalletHeartbeats all = new WalletHeartbeats(
                List.of(node(KEY, null, 1), node(OTHER_KEY, SETUP.toString(), 2)));

        assertThat(all.forSetup(SETUP, KEY)).map(NodeHeartbeat::blockHeight).contains(2L);
    }

    @Test
    void withoutALinkedNodeTheSetupsKeyFindsIt() {
        WalletHeartbeats all = new WalletHeartbeats(List.of(node(OTHER_KEY, null, 1), node(KEY, null, 2)));

        assertThat(all.forSetup(SETUP, KEY)).map(NodeHeartbeat::blockHeight).contains(2L);
    }

    @Test
    void aNodeLinkedToAnotherSetupIsNotThisSetupsEvenWithNoKey() {
        WalletHeartbeats all = new WalletHeartbeats(List.of(node(KEY, UUID.randomUUID().toString(), 1)));

        assertThat(all.forSetup(SETUP, null)).isEmpty();
        assertThat(all.forSetup(SETUP, OTHER_KEY)).isEmpty();
    }

    @Test
    void anUnknownAnswerHasNoNodeForAnySetup() {
        assertThat(WalletHeartbeats.unknown().nodes()).isEmpty();
        assertThat(WalletHeartbeats.unknown().forSetup(SETUP, KEY)).isEmpty();
    }
}
