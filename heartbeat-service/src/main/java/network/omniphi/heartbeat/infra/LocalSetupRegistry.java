package network.omniphi.heartbeat.infra;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

import network.omniphi.commons.events.EventMetas;
import network.omniphi.heartbeat.config.HeartbeatConfig;
import network.omniphi.proto.events.v1.SetupRequested;
import network.omniphi.proto.events.v1.StopRequested;

/**
 * Keeps {@code local_setups} from the gateway's events. Call inside the consumer's transaction. A setup whose linked
 * key already reports (heartbeats arrived before the event) is bound at once to it; a stop releases the key's link.
 */
@ApplicationScoped
public class LocalSetupRegistry {

    private static final Logger LOG = Logger.getLogger(LocalSetupRegistry.class);

    private final PanacheSetupBinding binding;
    private final ConsensusKeyLinkRegistry links;
    private final HeartbeatConfig config;
    private final Clock clock;

    public LocalSetupRegistry(PanacheSetupBinding binding, ConsensusKeyLinkRegistry links, HeartbeatConfig config,
            Clock clock) {
        this.binding = binding;
        this.links = links;
        this.config = config;
        this.clock = clock;
    }

    /** Records a local setup as pending. Binding to an already reporting node is a separate step: {@link #bindRecent}. */
    public Uni<Void> setupRequested(SetupRequested event) {
        return LocalSetupEntity.<LocalSetupEntity>findById(event.getSetupRequestId()).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem(); // already known, or stopped before we saw it
            }
            LocalSetupEntity setup = new LocalSetupEntity();
            setup.setupRequestId = event.getSetupRequestId();
            setup.walletAddress = event.getWalletAddress();
            setup.status = LocalSetupEntity.PENDING;
            setup.requestedAt = event.hasMeta() && event.getMeta().hasOccurredAt()
                    ? EventMetas.instant(event.getMeta().getOccurredAt())
                    : clock.instant();
            return setup.persist().replaceWithVoid();
        });
    }

    /**
     * Binds a pending setup to its linked key if that key already reports. Must run in its own transaction after
     * the setup or link event committed: the heartbeat path binds after its own commit too, so whichever of the two
     * commits last sees the other's row and a heartbeat racing the event is never missed.
     */
    public Uni<Void> bindRecent(String setupRequestId) {
        Instant seenSince = clock.instant().minus(config.staleAfter());
        return LocalSetupEntity.<LocalSetupEntity>findById(setupRequestId, LockModeType.PESSIMISTIC_WRITE)
                .flatMap(setup -> setup == null || !LocalSetupEntity.PENDING.equals(setup.status)
                        ? Uni.createFrom().voidItem()
                        : binding.bindRecentKey(setup, seenSince)
                                .invoke(bound -> LOG.infof("local setup %s registered%s", setup.setupRequestId,
                                        bound.isPresent() ? " and bound to an already reporting node" : ""))
                                .replaceWithVoid());
    }

    public Uni<Void> stopRequested(StopRequested event) {
        String id = event.getSetupRequestId();
        return LocalSetupEntity.<LocalSetupEntity>findById(id).flatMap(setup -> {
            LocalSetupEntity target = setup;
            if (target == null) {
                target = new LocalSetupEntity(); // tombstone: a late setup event must not create a pending setup
                target.setupRequestId = id;
                target.walletAddress = event.getWalletAddress();
                target.requestedAt = clock.instant();
            }
            target.status = LocalSetupEntity.STOPPED;
            target.stoppedAt = clock.instant();
            return target.persist()
                    .flatMap(saved -> HeartbeatEntity.update("setupRequestId = null where setupRequestId = ?1", id))
                    .flatMap(n -> links.release(id));
        });
    }
}
