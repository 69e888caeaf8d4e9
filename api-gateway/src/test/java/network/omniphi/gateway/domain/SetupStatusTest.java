package network.omniphi.gateway.domain;

import static network.omniphi.gateway.domain.SetupStatus.ACTIVE;
import static network.omniphi.gateway.domain.SetupStatus.FAILED;
import static network.omniphi.gateway.domain.SetupStatus.INACTIVE;
import static network.omniphi.gateway.domain.SetupStatus.PENDING;
import static network.omniphi.gateway.domain.SetupStatus.PROVISIONING;
import static network.omniphi.gateway.domain.SetupStatus.READY_FOR_CHAIN_TX;
import static network.omniphi.gateway.domain.SetupStatus.STOPPED;
import static network.omniphi.gateway.domain.SetupStatus.STOPPING;
import static network.omniphi.gateway.domain.SetupStatus.TX_SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The setup status machine of DESIGN.md: every one of the 81 moves, allowed or refused. */
class SetupStatusTest {

    /** The allowed moves, written out by hand from DESIGN.md's status diagram; every other pair is refused. */
    private static final Map<SetupStatus, Set<SetupStatus>> ALLOWED = Map.of(
            PENDING, EnumSet.of(PROVISIONING, READY_FOR_CHAIN_TX, STOPPING, STOPPED, FAILED),
            PROVISIONING, EnumSet.of(READY_FOR_CHAIN_TX, STOPPING, STOPPED, FAILED),
            READY_FOR_CHAIN_TX, EnumSet.of(TX_SUBMITTED, STOPPING, STOPPED, FAILED),
            // a failed tx sends the setup back to be signed again
            TX_SUBMITTED, EnumSet.of(READY_FOR_CHAIN_TX, ACTIVE, INACTIVE, STOPPING, STOPPED, FAILED),
            ACTIVE, EnumSet.of(INACTIVE, STOPPING, STOPPED, FAILED),
            INACTIVE, EnumSet.of(ACTIVE, STOPPING, STOPPED, FAILED),
            STOPPING, EnumSet.of(STOPPED, FAILED),
            STOPPED, EnumSet.noneOf(SetupStatus.class),
            FAILED, EnumSet.noneOf(SetupStatus.class));

    @Test
    void everyMoveIsAllowedOrRefusedAsTheDiagramSays() {
        List<String> wrong = new ArrayList<>();
        for (SetupStatus from : SetupStatus.values()) {
            for (SetupStatus to : SetupStatus.values()) {
                boolean expected = ALLOWED.get(from).contains(to);
                if (from.canMoveTo(to) != expected) {
                    wrong.add(from + " -> " + to + " should be " + (expected ? "allowed" : "refused"));
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(ALLOWED).hasSize(SetupStatus.values().length);
    }

    @ParameterizedTest
    @EnumSource(SetupStatus.class)
    void noStatusMovesToItselfNorBackToPending(SetupStatus status) {
        assertThat(status.canMoveTo(status)).isFalse();
        assertThat(status.canMoveTo(PENDING)).isFalse();
    }

    @Test
    void onlyStoppedAndFailedAreTerminalAndTheyGoNowhere() {
        assertThat(EnumSet.allOf(SetupStatus.class).stream().filter(SetupStatus::isTerminal))
                .containsExactlyInAnyOrder(STOPPED, FAILED);
        for (SetupStatus to : SetupStatus.values()) {
            assertThat(STOPPED.canMoveTo(to)).isFalse();
            assertThat(FAILED.canMoveTo(to)).isFalse();
        }
    }

    @Test
    void aStopIsAcceptedFromEveryLiveStatus() {
        for (SetupStatus from : SetupStatus.values()) {
            assertThat(from.canMoveTo(STOPPING)).as(from.wire())
                    .isEqualTo(!from.isTerminal() && from != STOPPING);
        }
    }

    @ParameterizedTest
    @EnumSource(SetupStatus.class)
    void wireNamesAreLowerSnakeCaseAndRoundTrip(SetupStatus status) {
        assertThat(status.wire()).matches("[a-z_]+");
        assertThat(SetupStatus.fromWire(status.wire())).isEqualTo(status);
    }

    @Test
    void wireNamesAreThoseOfDesignMd() {
        assertThat(READY_FOR_CHAIN_TX.wire()).isEqualTo("ready_for_chain_tx");
        assertThat(TX_SUBMITTED.wire()).isEqualTo("tx_submitted");
        assertThatThrownBy(() -> SetupStatus.fromWire("bonded")).isInstanceOf(IllegalArgumentException.class);
    }
}
