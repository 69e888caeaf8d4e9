package network.omniphi.gateway.domain;

import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * Persistence port of the gateway's setup requests and read models: writes and the event projection. Reads of whole
 * setup views go through {@link SetupViews}.
 */
public interface SetupStore {

    Uni<Void> insert(SetupRequest setup);

    /** The setup, locked for update until the transaction ends; null when absent. */
    Uni<SetupRequest> lock(UUID id);

    Uni<Void> update(SetupRequest setup);

    Uni<Boolean> hasLiveSetup(String walletAddress);

    /** Whether a local setup other than {@code setupId} that is not stopped or failed holds this consensus key. */
    Uni<Boolean> keyLinkedElsewhere(String consensusPubkey, java.util.UUID setupId);

    /**
     * Stores a setup whose consensus key was just linked, flushed at once so that the unique index on live setups'
     * keys answers here: a concurrent link of the same key fails with the 409 {@code consensus-key-linked-elsewhere}.
     */
    Uni<Void> linkKey(SetupRequest setup);

    Uni<ValidatorNode> node(UUID setupRequestId);

    Uni<Void> saveNode(ValidatorNode node, java.time.Instant eventAt);

    /** Occurrence time of the last node event applied, or null. */
    Uni<java.time.Instant> lastNodeEventAt(UUID setupRequestId);

    Uni<ChainInfo> chainInfo(UUID setupRequestId);

    Uni<Void> saveChainInfo(UUID setupRequestId, ChainInfo info, java.time.Instant eventAt);

    Uni<java.time.Instant> lastChainEventAt(UUID setupRequestId);
}
