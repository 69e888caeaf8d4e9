package network.omniphi.heartbeat.infra;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

import network.omniphi.heartbeat.config.HeartbeatConfig;
import network.omniphi.heartbeat.domain.ChainHeightPort;
import network.omniphi.heartbeat.domain.ChainProgress;
import network.omniphi.heartbeat.domain.HeartbeatIngestService;

/**
 * The liveness loop. Each round, in one transaction: live nodes silent for {@code stale-after} become stale, stale
 * nodes heard from again recover, and - when the chain RPC answers and the chain advances - nodes whose height has
 * not changed for {@code height-stall-after} while lagging the chain are flagged height-stalled (and recover when
 * their height moves or catches up). Each transition emits one event; rows are locked and re-checked, so replicas
 * never emit a transition twice. After each round, rows of keys no live setup links are purged once silent for the
 * configured retention.
 */
@ApplicationScoped
public class LivenessMonitor {

    private static final Logger LOG = Logger.getLogger(LivenessMonitor.class);

    /** Transitions made by one round. */
    public record Round(int stale, int recovered, int stalled, int unstalled) {
    }

    private final HeartbeatConfig config;
    private final HeartbeatEvents events;
    private final ChainHeightPort chain;
    private final HeartbeatIngestService ingest;
    private final Clock clock;
    private final ChainProgress progress = new ChainProgress();
    private final AtomicLong staleNodes = new AtomicLong();
    /** Set by the application's ShutdownEvent, before Quarkus closes the pool: no round starts after it. */
    private volatile boolean stopping;

    public LivenessMonitor(HeartbeatConfig config, HeartbeatEvents events, ChainHeightPort chain,
            HeartbeatIngestService ingest, Clock clock, MeterRegistry registry) {
        this.config = config;
        this.events = events;
        this.chain = chain;
        this.ingest = ingest;
        this.clock = clock;
        registry.gauge("omniphi.heartbeat.stale.nodes", staleNodes);
    }

    @Scheduled(every = "${omniphi.heartbeat.liveness.interval:5s}", delay = 5, delayUnit = java.util.concurrent.TimeUnit.SECONDS, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        if (!config.liveness().enabled() || stopping) {
            return Uni.createFrom().voidItem();
        }
        ingest.evictIdleRateLimits();
        return runOnce().flatMap(round -> purgeUnlinked()).replaceWithVoid().onFailure().recoverWithItem(e -> {
            LOG.warnf("liveness round failed, next round retries: %s", e.getMessage());
            return null;
        });
    }

    void stopOnShutdown(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** One round at the clock's current time. */
    public Uni<Round> runOnce() {
        Instant now = clock.instant();
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        Uni<Optional<Long>> height = chain.latestHeight();
        if (context != null) {
            height = height.emitOn(task -> context.runOnContext(v -> task.run())); // back on the caller's context
        }
        return height.flatMap(latest -> {
            latest.ifPresent(h -> progress.observe(h, now));
            return Panache.withTransaction(() -> transitions(now, latest));
        }).call(round -> Panache.withSession(() -> HeartbeatEntity.count("stale", true))
                .invoke(staleNodes::set));
    }

    /**
     * Retention: deletes heartbeat rows of keys that no live setup links and that have been silent for
     * {@code unlinked-retention}, and links released that long ago. Answers the number of heartbeat rows deleted.
     */
    public Uni<Long> purgeUnlinked() {
        Instant cutoff = clock.instant().minus(config.unlinkedRetention());
        return Panache.withTransaction(() -> HeartbeatEntity.delete("lastSeen < ?1 and consensusPubkey not in"
                + " (select l.consensusPubkey from ConsensusKeyLinkEntity l where l.releasedAt is null)", cutoff)
                .call(rows -> ConsensusKeyLinkEntity.delete("releasedAt < ?1", cutoff))
                .invoke(rows -> {
                    if (rows > 0) {
                        LOG.infof("deleted %d heartbeat rows of unlinked keys silent since %s", rows, cutoff);
                    }
                }));
    }

    private Uni<Round> transitions(Instant now, Optional<Long> chainHeight) {
        Instant staleCutoff = now.minus(config.staleAfter());
        return markStale(staleCutoff).flatMap(stale -> markRecovered(staleCutoff)
                .flatMap(recovered -> stalls(now, chainHeight)
                        .map(s -> new Round(stale, recovered, s[0], s[1]))));
    }

    private Uni<Integer> markStale(Instant cutoff) {
        return each(locked("stale = false and lastSeen < ?1", cutoff), node -> {
            node.stale = true;
            return events.stale(node);
        });
    }

    private Uni<Integer> markRecovered(Instant cutoff) {
        return each(locked("stale = true and lastSeen >= ?1", cutoff), node -> {
            node.stale = false;
            return events.recovered(node);
        });
    }

    private Uni<int[]> stalls(Instant now, Optional<Long> chainHeight) {
        if (chainHeight.isEmpty()) {
            return Uni.createFrom().item(new int[]{0, 0}); // chain unknown: keep the flags as they are
        }
        long h = chainHeight.get();
        long behind = h - config.liveness().heightLagTolerance();
        Instant cutoff = now.minus(config.liveness().heightStallAfter());
        Uni<Integer> stalled = progress.advancedSince(cutoff)
                ? each(locked("stale = false and heightStalled = false and heightChangedAt < ?1 and blockHeight < ?2",
                        cutoff, behind), node -> {
                            node.heightStalled = true;
                            return events.heightStalled(node, h);
                        })
                : Uni.createFrom().item(0);
        return stalled.flatMap(s -> each(locked("heightStalled = true and (heightChangedAt >= ?1 or blockHeight >= ?2)",
                cutoff, behind), node -> {
                    node.heightStalled = false;
                    return events.recovered(node);
                }).map(u -> new int[]{s, u}));
    }

    private Uni<List<HeartbeatEntity>> locked(String query, Object... params) {
        return HeartbeatEntity.<HeartbeatEntity>find(query + " order by consensusPubkey", params)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .page(0, config.liveness().batchSize())
                .list();
    }

    /** Applies the change to each node in turn (one session, so strictly sequential); returns how many. */
    private static Uni<Integer> each(Uni<List<HeartbeatEntity>> nodes, Function<HeartbeatEntity, Uni<Void>> change) {
        return nodes.flatMap(list -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (HeartbeatEntity node : list) {
                chain = chain.flatMap(v -> change.apply(node));
            }
            return chain.replaceWith(list.size());
        });
    }
}
