package network.omniphi.heartbeat.infra;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import network.omniphi.heartbeat.domain.HeartbeatWrite;
import network.omniphi.heartbeat.domain.SetupBinding;

/**
 * Binds a pending local setup to the consensus key its owner linked, in one transaction with its {@code first_seen}
 * event. The heartbeat row is claimed with a conditional update ({@code setup_request_id IS NULL}), so concurrent
 * heartbeats, replicas or a racing setup event bind a key at most once; the pending setup row is locked while it is
 * bound. Only the linked key can bind a setup: a heartbeat never binds a key to a wallet by itself.
 */
@ApplicationScoped
public class PanacheSetupBinding implements SetupBinding {

    private final HeartbeatEvents events;
    private final Clock clock;

    public PanacheSetupBinding(HeartbeatEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Uni<Optional<String>> bindLinkedSetup(HeartbeatWrite write) {
        return Panache.withTransaction(() -> linkedPendingSetup(write.consensusPubkey(), write.walletAddress())
                .flatMap(setup -> setup == null
                        ? Uni.createFrom().item(Optional.<String>empty())
                        : attach(setup, write.consensusPubkey())));
    }

    /** Within the caller's transaction: binds the setup to its linked key if that key reported since then. */
    public Uni<Optional<String>> bindRecentKey(LocalSetupEntity setup, Instant seenSince) {
        return ConsensusKeyLinkEntity.<ConsensusKeyLinkEntity>find(
                "setupRequestId = ?1 and releasedAt is null", setup.setupRequestId).firstResult()
                .flatMap(link -> link == null
                        ? Uni.createFrom().<HeartbeatEntity>nullItem()
                        : HeartbeatEntity.<HeartbeatEntity>find(
                                "consensusPubkey = ?1 and walletAddress = ?2 and setupRequestId is null"
                                        + " and lastSeen >= ?3",
                                link.consensusPubkey, setup.walletAddress, seenSince).firstResult())
                .flatMap(node -> node == null
                        ? Uni.createFrom().item(Optional.<String>empty())
                        : attach(setup, node.consensusPubkey));
    }

    /** The pending setup of the wallet that this key is linked to (locked), or null. */
    private Uni<LocalSetupEntity> linkedPendingSetup(String consensusPubkey, String walletAddress) {
        return ConsensusKeyLinkEntity.<ConsensusKeyLinkEntity>findById(consensusPubkey)
                .flatMap(link -> link == null || !link.live() || !link.walletAddress.equals(walletAddress)
                        ? Uni.createFrom().<LocalSetupEntity>nullItem()
                        : LocalSetupEntity.<LocalSetupEntity>findById(link.setupRequestId,
                                LockModeType.PESSIMISTIC_WRITE))
                .map(setup -> setup != null && LocalSetupEntity.PENDING.equals(setup.status)
                        && setup.walletAddress.equals(walletAddress) ? setup : null);
    }

    private Uni<Optional<String>> attach(LocalSetupEntity setup, String consensusPubkey) {
        return HeartbeatEntity.update("setupRequestId = ?1 where consensusPubkey = ?2 and setupRequestId is null",
                setup.setupRequestId, consensusPubkey)
                .flatMap(claimed -> claimed == 0
                        ? Uni.createFrom().item(Optional.<String>empty())
                        : HeartbeatEntity.<HeartbeatEntity>findById(consensusPubkey)
                                .flatMap(node -> markBound(setup, node)));
    }

    private Uni<Optional<String>> markBound(LocalSetupEntity setup, HeartbeatEntity node) {
        node.setupRequestId = setup.setupRequestId;
        setup.status = LocalSetupEntity.BOUND;
        setup.consensusPubkey = node.consensusPubkey;
        setup.boundAt = clock.instant();
        return events.firstSeen(node).replaceWith(Optional.of(setup.setupRequestId));
    }
}
