package network.omniphi.gateway.domain;

import java.util.List;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/** Persistence port of the gateway's setup requests and read models. */
public interface SetupStore {

    Uni<Void> insert(SetupRequest setup);

    /** The setup, locked for update until the transaction ends; null when absent. */
    Uni<SetupRequest> lock(UUID id);

    Uni<Void> update(SetupRequest setup);

    /** The wallet that owns a setup, or null when there is no such setup. */
    Uni<String> walletOf(UUID id);

    Uni<Boolean> hasLiveSetup(String walletAddress);

    Uni<SetupView> view(UUID id);

    Uni<List<SetupView>> viewsByWallet(String walletAddress);

    Uni<ValidatorNode> node(UUID setupRequestId);

    Uni<Void> saveNode(ValidatorNode node, java.time.Instant eventAt);

    /** Occurrence time of the last node event applied, or null. */
    Uni<java.time.Instant> lastNodeEventAt(UUID setupRequestId);

    Uni<ChainInfo> chainInfo(UUID setupRequestId);

    Uni<Void> saveChainInfo(UUID setupRequestId, ChainInfo info, java.time.Instant eventAt);

    Uni<java.time.Instant> lastChainEventAt(UUID setupRequestId);
}
