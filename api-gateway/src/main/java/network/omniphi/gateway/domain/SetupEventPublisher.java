package network.omniphi.gateway.domain;

import io.smallrye.mutiny.Uni;

/** Port: publishes the gateway's events (through the transactional outbox). */
public interface SetupEventPublisher {

    Uni<Void> setupRequested(SetupRequest setup);

    Uni<Void> stopRequested(SetupRequest setup);

    /** The owner linked {@code setup.consensusPubkey()} to this local setup. */
    Uni<Void> consensusKeyLinked(SetupRequest setup);
}
