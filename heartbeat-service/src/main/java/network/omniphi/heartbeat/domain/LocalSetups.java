package network.omniphi.heartbeat.domain;

import java.time.Instant;

import io.smallrye.mutiny.Uni;

/**
 * Port: the local-mode setups and their linked consensus keys, as the gateway's events announce them. The three
 * changes run inside the caller's transaction (the consumer's, after its inbox check); {@link #bindRecent} opens its
 * own, after that transaction committed.
 */
public interface LocalSetups {

    /** A local setup was requested: recorded as pending unless already known (or stopped before it was seen). */
    Uni<Void> requested(Requested setup);

    /** The owner linked a consensus key to a pending local setup (the gateway is the authority on links). */
    Uni<Void> keyLinked(KeyLinked link);

    /** The setup was stopped: its heartbeats are unbound and its key's link released. */
    Uni<Void> stopped(Stopped stop);

    /**
     * Binds a pending setup to its linked key if that key already reports, in a transaction of its own that must start
     * after the setup or link event committed: the heartbeat path binds after its own commit too, so whichever of the
     * two commits last sees the other's row and a heartbeat racing the event is never missed.
     */
    Uni<Void> bindRecent(String setupRequestId);

    record Requested(String setupRequestId, String walletAddress, Instant requestedAt) {
    }

    record KeyLinked(String setupRequestId, String consensusPubkey, String walletAddress, Instant linkedAt) {
    }

    record Stopped(String setupRequestId, String walletAddress) {
    }
}
