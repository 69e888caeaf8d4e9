package network.omniphi.gateway.domain;

import io.smallrye.mutiny.Uni;

/** Port: publishes the gateway's events (through the transactional outbox). */
public interface SetupEventPublisher {

    Uni<Void> setupRequested(SetupRequest setup);

    Uni<Void> stopRequested(SetupRequest setup);

    /** The owner linked {@code setup.consensusPubkey()} to this local setup. */
    Uni<Void> consensusKeyLinked(SetupRequest setup);

    /** The setup request again, marked as the overdue sweep's {@code attempt}-th re-drive (a new event id). */
    Uni<Void> setupRequestedAgain(SetupRequest setup, int attempt);

    /** The stop again, marked as the overdue sweep's {@code attempt}-th re-drive (a new event id). */
    Uni<Void> stopRequestedAgain(SetupRequest setup, int attempt);
}
