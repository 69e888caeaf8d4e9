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
 * Binds a pending local setup to a consensus key, in one transaction with its {@code first_seen} event. The
 * heartbeat row is claimed with a conditional update ({@code setup_request_id IS NULL}), so concurrent heartbeats,
 * replicas or a racing setup event bind a key at most once; the pending setup row is locked while it is bound.
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
    public Uni<Optional<String>> bindPendingSetup(HeartbeatWrite write) {
        return Panache.withTransaction(() -> oldestPendingSetup(write.walletAddress())
                .flatMap(setup -> setup == null
                        ? Uni.createFrom().item(Optional.<String>empty())
                        : attach(setup, write.consensusPubkey())));
    }

    /** Within the caller's transaction: binds the setup to the wallet's most recent unbound key seen since then. */
    public Uni<Optional<String>> bindRecentKey(LocalSetupEntity setup, Instant seenSince) {
        return HeartbeatEntity.<HeartbeatEntity>find(
                "walletAddress = ?1 and setupRequestId is null and lastSeen >= ?2 order by lastSeen desc",
                setup.walletAddress, seenSince)
                .firstResult()
                .flatMap(node -> node == null
                        ? Uni.createFrom().item(Optional.<String>empty())
                        : attach(setup, node.consensusPubkey));
    }

    private Uni<LocalSetupEntity> oldestPendingSetup(String walletAddress) {
        return LocalSetupEntity.<LocalSetupEntity>find(
                "walletAddress = ?1 and status = ?2 order by requestedAt, setupRequestId", walletAddress,
                LocalSetupEntity.PENDING)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
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
