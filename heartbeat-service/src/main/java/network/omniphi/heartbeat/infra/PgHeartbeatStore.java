package network.omniphi.heartbeat.infra;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import network.omniphi.heartbeat.config.HeartbeatConfig;
import network.omniphi.heartbeat.domain.HeartbeatException;
import network.omniphi.heartbeat.domain.HeartbeatStore;
import network.omniphi.heartbeat.domain.HeartbeatWrite;
import network.omniphi.heartbeat.domain.StoreOutcome;

/**
 * Group commit: each request enqueues its write; a flush takes up to {@code max-batch} queued writes and runs them as
 * one multi-row upsert, at most {@code max-delay} after the first of them arrived (or at once when a batch is full or
 * the previous flush just finished). Each request is completed, on its own Vert.x context, only after the statement
 * holding its row has committed. Writes for the same key in one batch go in successive statements in arrival order.
 */
@ApplicationScoped
public class PgHeartbeatStore implements HeartbeatStore {

    private static final Logger LOG = Logger.getLogger(PgHeartbeatStore.class);

    private record Pending(HeartbeatWrite write, UniEmitter<? super StoreOutcome> emitter, Context context) {
    }

    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean timerArmed = new AtomicBoolean();
    private final HeartbeatUpsert upsert;
    private final Vertx vertx;
    private final HeartbeatConfig.Flush config;
    private final long delayMillis;
    private final DistributionSummary batchSizes;

    public PgHeartbeatStore(HeartbeatUpsert upsert, Vertx vertx, HeartbeatConfig config,
            MeterRegistry registry) {
        this.upsert = upsert;
        this.vertx = vertx;
        this.config = config.flush();
        this.delayMillis = Math.max(1, this.config.maxDelay().toMillis());
        this.batchSizes = DistributionSummary.builder("omniphi.heartbeat.batch.size")
                .description("Heartbeats written per group-commit statement").register(registry);
    }

    @Override
    public Uni<StoreOutcome> store(HeartbeatWrite write) {
        return Uni.createFrom().<StoreOutcome>emitter(emitter -> enqueue(new Pending(write, emitter,
                Vertx.currentContext())))
                .ifNoItem().after(config.timeout())
                .failWith(() -> new HeartbeatException.StoreUnavailable(null));
    }

    private void enqueue(Pending pending) {
        queue.add(pending);
        if (queued.incrementAndGet() >= config.maxBatch()) {
            flush();
        } else if (timerArmed.compareAndSet(false, true)) {
            vertx.setTimer(delayMillis, id -> {
                timerArmed.set(false);
                flush();
            });
        }
    }

    private void flush() {
        while (!queue.isEmpty()) {
            int current = inFlight.get();
            if (current >= config.maxInFlight()) {
                return; // the completion of a running flush picks the queue up
            }
            if (inFlight.compareAndSet(current, current + 1)) {
                List<Pending> batch = drain();
                if (batch.isEmpty()) {
                    inFlight.decrementAndGet();
                    return;
                }
                writeRounds(batch, 0);
            }
        }
    }

    private List<Pending> drain() {
        List<Pending> batch = new ArrayList<>(Math.min(config.maxBatch(), Math.max(queued.get(), 1)));
        Pending p;
        while (batch.size() < config.maxBatch() && (p = queue.poll()) != null) {
            batch.add(p);
        }
        queued.addAndGet(-batch.size());
        return batch;
    }

    /** Writes the first occurrence of every key, then the rest (duplicates) in a following round. */
    private void writeRounds(List<Pending> batch, int round) {
        Set<String> keys = new HashSet<>();
        List<Pending> now = new ArrayList<>(batch.size());
        List<Pending> later = new ArrayList<>();
        for (Pending p : batch) {
            (keys.add(p.write().consensusPubkey()) ? now : later).add(p);
        }
        batchSizes.record(now.size());
        upsert.write(now.stream().map(Pending::write).toList()).subscribe().with(outcomes -> {
            for (int i = 0; i < now.size(); i++) {
                complete(now.get(i), outcomes.get(i));
            }
            next(later, round);
        }, failure -> {
            LOG.warnf("heartbeat batch of %d not stored: %s", batch.size(), failure.getMessage());
            batch.forEach(p -> fail(p, failure));
            next(List.of(), round);
        });
    }

    private void next(List<Pending> later, int round) {
        if (!later.isEmpty()) {
            writeRounds(later, round + 1);
            return;
        }
        inFlight.decrementAndGet();
        if (!queue.isEmpty()) {
            flush();
        }
    }

    private static void complete(Pending p, StoreOutcome outcome) {
        if (p.context() != null) {
            p.context().runOnContext(v -> p.emitter().complete(outcome));
        } else {
            p.emitter().complete(outcome);
        }
    }

    private static void fail(Pending p, Throwable failure) {
        HeartbeatException.StoreUnavailable error = new HeartbeatException.StoreUnavailable(failure);
        if (p.context() != null) {
            p.context().runOnContext(v -> p.emitter().fail(error));
        } else {
            p.emitter().fail(error);
        }
    }
}
