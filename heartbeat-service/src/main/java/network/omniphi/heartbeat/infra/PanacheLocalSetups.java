package network.omniphi.heartbeat.infra;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import network.omniphi.heartbeat.config.HeartbeatConfig;
import network.omniphi.heartbeat.domain.LocalSetups;

/**
 * Keeps {@code local_setups} (and, through {@link PanacheConsensusKeyLinks}, {@code consensus_key_links}) from the
 * gateway's events. The changes run inside the consumer's transaction. A setup whose linked key already reports
 * (heartbeats arrived before the event) is bound to it by {@link #bindRecent}; a stop releases the key's link.
 */
@ApplicationScoped
public class PanacheLocalSetups implements LocalSetups {

    private static final Logger LOG = Logger.getLogger(PanacheLocalSetups.class);

    private final PanacheSetupBinding binding;
    private final PanacheConsensusKeyLinks links;
    private final HeartbeatConfig config;
    private final Clock clock;

    public PanacheLocalSetups(PanacheSetupBinding binding, PanacheConsensusKeyLinks links, HeartbeatConfig config,
            Clock clock) {
        this.binding = binding;
        this.links = links;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Records a local setup as pending; a setup already known (linked or stopped before this event) is left as it is.
     * Binding to an already reporting node is a separate step: {@link #bindRecent}.
     */
    @Override
    public Uni<Void> requested(Requested event) {
        return LocalSetupEntity.createIfAbsent(event.setupRequestId(), event.walletAddress(), event.requestedAt());
    }

    @Override
    public Uni<Void> keyLinked(KeyLinked link) {
        return links.linked(link);
    }

    @Override
    public Uni<Void> bindRecent(String setupRequestId) {
        return Panache.withTransaction(() -> bindPending(setupRequestId));
    }

    private Uni<Void> bindPending(String setupRequestId) {
        Instant seenSince = clock.instant().minus(config.staleAfter());
        return LocalSetupEntity.<LocalSetupEntity>findById(setupRequestId, LockModeType.PESSIMISTIC_WRITE)
                .flatMap(setup -> setup == null || !LocalSetupEntity.PENDING.equals(setup.status)
                        ? Uni.createFrom().voidItem()
                        : binding.bindRecentKey(setup, seenSince)
                                .invoke(bound -> LOG.infof("local setup %s registered%s", setup.setupRequestId,
                                        bound.isPresent() ? " and bound to an already reporting node" : ""))
                                .replaceWithVoid());
    }

    /** A stop that overtook the setup's other events leaves a stopped row, so a late one cannot make it pending. */
    @Override
    public Uni<Void> stopped(Stopped event) {
        String id = event.setupRequestId();
        return LocalSetupEntity.createIfAbsent(id, event.walletAddress(), clock.instant())
                .flatMap(v -> LocalSetupEntity.<LocalSetupEntity>findById(id, LockModeType.PESSIMISTIC_WRITE))
                .flatMap(setup -> {
                    setup.status = LocalSetupEntity.STOPPED;
                    setup.stoppedAt = clock.instant();
                    return setup.persist();
                })
                .flatMap(saved -> HeartbeatEntity.update("setupRequestId = null where setupRequestId = ?1", id))
                .flatMap(n -> links.release(id));
    }
}
