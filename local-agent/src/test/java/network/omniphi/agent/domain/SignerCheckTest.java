package network.omniphi.agent.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SignerCheckTest {

    static final Instant NOW = Instant.parse("2026-12-03T16:00:00Z");
    static final Duration INTERVAL = Duration.ofSeconds(10);
    static final Duration GRACE = Duration.ofSeconds(5);

    @Test
    void refusesAKeyHeardRecentlyFromElsewhere() {
        SignerCheck.LastHeard heard = new SignerCheck.LastHeard(NOW.minusSeconds(4), NOW.minusSeconds(3));
        Optional<String> refusal = SignerCheck.refusal(Optional.of(heard), List.of(NOW.minusSeconds(60)), NOW,
                INTERVAL, GRACE);
        assertThat(refusal).hasValueSatisfying(r -> assertThat(r).contains("another machine is running this key")
                .contains("3 s ago").contains("wait 15 s"));
    }

    @Test
    void refusesRightUpToIntervalPlusGrace() {
        SignerCheck.LastHeard edge = new SignerCheck.LastHeard(NOW.minusSeconds(16), NOW.minusSeconds(15));
        assertThat(SignerCheck.refusal(Optional.of(edge), List.of(), NOW, INTERVAL, GRACE)).isPresent();
        SignerCheck.LastHeard older = new SignerCheck.LastHeard(NOW.minusSeconds(17), NOW.minusMillis(15_001));
        assertThat(SignerCheck.refusal(Optional.of(older), List.of(), NOW, INTERVAL, GRACE)).isEmpty();
    }

    @Test
    void allowsItsOwnHeartbeatAndAKeyNeverHeard() {
        Instant mine = NOW.minusSeconds(2);
        SignerCheck.LastHeard heard = new SignerCheck.LastHeard(mine, NOW.minusSeconds(1));
        assertThat(SignerCheck.refusal(Optional.of(heard), List.of(NOW.minusSeconds(12), mine), NOW, INTERVAL,
                GRACE)).isEmpty();
        assertThat(SignerCheck.refusal(Optional.empty(), List.of(), NOW, INTERVAL, GRACE)).isEmpty();
    }
}
