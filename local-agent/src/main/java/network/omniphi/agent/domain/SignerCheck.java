package network.omniphi.agent.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * The one-signer rule applied before the node starts (docs/adr/0002-one-signer-per-key.md, extended to local mode):
 * if the gateway received a heartbeat of this key within the last heartbeat interval plus a grace, and that
 * heartbeat's signed timestamp is none of the ones this home sent, another machine is running the key right now, and
 * starting here would make two signers (double-sign → slashing and tombstoning).
 */
public final class SignerCheck {

    /** What the gateway last heard from a key: the heartbeat's signed timestamp and when it arrived. */
    public record LastHeard(Instant heartbeatTimestamp, Instant receivedAt) {
    }

    private SignerCheck() {
    }

    /**
     * @return the reason to refuse, or empty when starting is safe as far as the gateway can tell.
     */
    public static Optional<String> refusal(Optional<LastHeard> lastHeard, Collection<Instant> sentByThisHome,
            Instant now, Duration interval, Duration grace) {
        if (lastHeard.isEmpty()) {
            return Optional.empty();
        }
        LastHeard heard = lastHeard.get();
        if (sentByThisHome.contains(heard.heartbeatTimestamp())) {
            return Optional.empty();
        }
        Duration age = Duration.between(heard.receivedAt(), now);
        if (age.compareTo(interval.plus(grace)) > 0) {
            return Optional.empty();
        }
        return Optional.of("the gateway received a heartbeat signed by this consensus key "
                + Math.max(0, age.toSeconds()) + " s ago (at " + heard.receivedAt()
                + ") that this agent home did not send: another machine is running this key. Stop the agent there"
                + " first (omniphi-agent stop, or POST /stop on its bridge), wait " + interval.plus(grace).toSeconds()
                + " s, then start here. Two machines signing with one key double-sign and get the validator"
                + " slashed and tombstoned.");
    }
}
