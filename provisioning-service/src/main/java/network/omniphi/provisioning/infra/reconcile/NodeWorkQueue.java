package network.omniphi.provisioning.infra.reconcile;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jboss.logging.Logger;

/**
 * A work queue of node keys (setup ids), as controller-runtime's: a key is queued at most once however many events
 * name it, one worker reconciles keys one at a time, and a reconcile may ask to see its key again after a delay (a
 * node still provisioning, the next health check, a backoff); at most one delayed entry per key, the earliest wins.
 */
final class NodeWorkQueue implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(NodeWorkQueue.class);

    private final LinkedHashSet<String> pending = new LinkedHashSet<>();
    private final Map<String, Delayed> delayed = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> daemon(r,
            "reconcile-timer"));
    private final Thread worker;
    private volatile boolean open = true;

    private record Delayed(long dueNanos, ScheduledFuture<?> future) {
    }

    NodeWorkQueue(Function<String, Optional<Duration>> reconcile) {
        worker = daemon(() -> work(reconcile), "reconcile-worker");
        worker.start();
    }

    /** Queues a key now (no-op when already queued). */
    void enqueue(String key) {
        synchronized (pending) {
            if (open && pending.add(key)) {
                pending.notifyAll();
            }
        }
    }

    /**
     * Queues a key after a delay; an earlier delayed entry for the key is kept, a later one replaced. Once the queue is
     * closed nothing is scheduled (a reconcile that was running when the service stopped may still ask).
     */
    void enqueueAfter(String key, Duration delay) {
        if (!open) {
            return;
        }
        long due = System.nanoTime() + delay.toNanos();
        delayed.compute(key, (k, existing) -> {
            if (existing != null && existing.dueNanos() <= due && !existing.future().isDone()) {
                return existing;
            }
            if (existing != null) {
                existing.future().cancel(false);
            }
            try {
                return new Delayed(due, timers.schedule(() -> {
                    delayed.remove(k);
                    enqueue(k);
                }, delay.toMillis(), TimeUnit.MILLISECONDS));
            } catch (RejectedExecutionException closedMeanwhile) {
                return null; // the timers only refuse work once close() shut them down
            }
        });
    }

    /** Keys waiting now (tests, metrics). */
    int depth() {
        synchronized (pending) {
            return pending.size();
        }
    }

    private void work(Function<String, Optional<Duration>> reconcile) {
        while (open) {
            String key;
            synchronized (pending) {
                while (open && pending.isEmpty()) {
                    try {
                        pending.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (!open) {
                    return;
                }
                key = pending.iterator().next();
                pending.remove(key);
            }
            try {
                reconcile.apply(key).ifPresent(after -> enqueueAfter(key, after));
            } catch (RuntimeException e) {
                if (!open) {
                    LOG.debugf("reconcile of %s ended by the stop: %s", key, e);
                    return;
                }
                LOG.errorf(e, "reconcile of %s failed; retried in 5s", key);
                enqueueAfter(key, Duration.ofSeconds(5));
            }
        }
    }

    @Override
    public void close() {
        open = false;
        synchronized (pending) {
            pending.clear();
            pending.notifyAll();
        }
        timers.shutdownNow();
        worker.interrupt();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
