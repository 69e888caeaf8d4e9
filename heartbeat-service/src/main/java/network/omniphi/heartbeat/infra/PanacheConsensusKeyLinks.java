package network.omniphi.heartbeat.infra;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

import network.omniphi.heartbeat.domain.LocalSetups.KeyLinked;

/**
 * Keeps {@code consensus_key_links} from the gateway's ConsensusKeyLinked events (call inside the consumer's
 * transaction). The gateway is the authority: it links a key to one live setup at a time (unique index) and only a
 * pending local setup's owner can link. Events of one setup arrive in order (same Kafka key); events of different
 * setups may not, so a link older than the key's stored one is ignored, and a stop that arrived first wins.
 */
@ApplicationScoped
public class PanacheConsensusKeyLinks {

    private static final Logger LOG = Logger.getLogger(PanacheConsensusKeyLinks.class);

    private final Clock clock;

    public PanacheConsensusKeyLinks(Clock clock) {
        this.clock = clock;
    }

    public Uni<Void> linked(KeyLinked event) {
        Instant linkedAt = event.linkedAt();
        String setupId = event.setupRequestId();
        return setup(event, linkedAt).flatMap(setup -> {
            if (LocalSetupEntity.STOPPED.equals(setup.status)) {
                LOG.infof("ignoring the link of stopped setup %s", setupId);
                return Uni.createFrom().voidItem();
            }
            return ConsensusKeyLinkEntity.<ConsensusKeyLinkEntity>findById(event.consensusPubkey(),
                    LockModeType.PESSIMISTIC_WRITE).flatMap(current -> {
                        if (current != null && current.linkedAt.isAfter(linkedAt)
                                && !current.setupRequestId.equals(setupId)) {
                            LOG.infof("ignoring an older link of a key now linked to setup %s",
                                    current.setupRequestId);
                            return Uni.createFrom().voidItem();
                        }
                        return replaceOtherKeys(setup, event.consensusPubkey())
                                .flatMap(v -> store(current, event, linkedAt))
                                .flatMap(v -> dropHistory(event.consensusPubkey(), event.walletAddress(),
                                        setupId));
                    });
        });
    }

    /** Releases the live link of a stopped setup (its key's heartbeats are refused from now on). */
    public Uni<Void> release(String setupRequestId) {
        return ConsensusKeyLinkEntity.update("releasedAt = ?1 where setupRequestId = ?2 and releasedAt is null",
                clock.instant(), setupRequestId).replaceWithVoid();
    }

    /** The local setup row, created pending when the link overtook the setup event (the link carries the owner). */
    private static Uni<LocalSetupEntity> setup(KeyLinked event, Instant linkedAt) {
        return LocalSetupEntity.createIfAbsent(event.setupRequestId(), event.walletAddress(), linkedAt)
                .flatMap(v -> LocalSetupEntity.<LocalSetupEntity>findById(event.setupRequestId(),
                        LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * A re-link of a pending setup replaces its key: the old key's link is released, and a binding the old key made
     * before the gateway saw it is undone (the gateway moves a local setup only on the first heartbeat of its linked
     * key, so it is still pending there).
     */
    private Uni<Void> replaceOtherKeys(LocalSetupEntity setup, String key) {
        return ConsensusKeyLinkEntity.update(
                "releasedAt = ?1 where setupRequestId = ?2 and consensusPubkey <> ?3 and releasedAt is null",
                clock.instant(), setup.setupRequestId, key)
                .flatMap(n -> {
                    if (!LocalSetupEntity.BOUND.equals(setup.status) || key.equals(setup.consensusPubkey)) {
                        return Uni.createFrom().voidItem();
                    }
                    setup.status = LocalSetupEntity.PENDING;
                    setup.consensusPubkey = null;
                    setup.boundAt = null;
                    return HeartbeatEntity.update("setupRequestId = null where setupRequestId = ?1",
                            setup.setupRequestId).replaceWithVoid();
                });
    }

    private Uni<Void> store(ConsensusKeyLinkEntity current, KeyLinked event, Instant linkedAt) {
        ConsensusKeyLinkEntity link = current != null ? current : new ConsensusKeyLinkEntity();
        link.consensusPubkey = event.consensusPubkey();
        link.setupRequestId = event.setupRequestId();
        link.walletAddress = event.walletAddress();
        link.linkedAt = linkedAt;
        link.releasedAt = null;
        return link.persistAndFlush().replaceWithVoid();
    }

    /** The key's row from an earlier link (another wallet or setup) is history that must not leak into this one. */
    private static Uni<Void> dropHistory(String key, String wallet, String setupId) {
        return HeartbeatEntity.delete("consensusPubkey = ?1 and (walletAddress <> ?2"
                + " or (setupRequestId is not null and setupRequestId <> ?3))", key, wallet, setupId)
                .replaceWithVoid();
    }
}
