package network.omniphi.provisioning.infra.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reconcile work queue: one queued entry per key however often it is named, delayed entries come back, and a
 * queue closed while a reconcile runs (the service stopping) schedules nothing more and ends its worker quietly,
 * whatever that reconcile answers.
 */
class NodeWorkQueueTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final List<String> reconciled = new CopyOnWriteArrayList<>();
    private final List<Throwable> escaped = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler before;

    @BeforeEach
    void watchUncaught() {
        before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> escaped.add(e));
    }

    @AfterEach
    void restore() {
        Thread.setDefaultUncaughtExceptionHandler(before);
    }

    @Test
    void aKeyNamedManyTimesIsReconciledAndADelayedKeyComesBack() {
        CountDownLatch first = new CountDownLatch(1);
        try (NodeWorkQueue queue = new NodeWorkQueue(key -> {
            reconciled.add(key);
            if (reconciled.size() == 1) {
                waitFor(first);
                return Optional.of(Duration.ofMillis(50)); // see it again shortly
            }
            return Optional.empty();
        })) {
            queue.enqueue("a");
            await().atMost(WAIT).until(() -> reconciled.size() == 1);
            queue.enqueue("b");
            queue.enqueue("b");
            queue.enqueue("b");
            first.countDown();

            await().atMost(WAIT).until(() -> reconciled.size() == 3);
            assertThat(reconciled).containsExactlyInAnyOrder("a", "b", "a");
            assertThat(queue.depth()).isZero();
        }
    }

    @Test
    void aReconcileThatAsksAgainWhileTheQueueClosesEndsQuietly() throws Exception {
        assertEndsQuietly(key -> Optional.of(Duration.ofSeconds(1)));
    }

    @Test
    void aReconcileThatFailsWhileTheQueueClosesEndsQuietly() throws Exception {
        assertEndsQuietly(key -> {
            throw new IllegalStateException("Pool closed");
        });
    }

    @Test
    void nothingIsScheduledAfterClose() {
        NodeWorkQueue queue = new NodeWorkQueue(key -> {
            reconciled.add(key);
            return Optional.empty();
        });
        queue.close();

        assertThatCode(() -> queue.enqueueAfter("a", Duration.ofMillis(1))).doesNotThrowAnyException();
        queue.enqueue("b");
        assertThat(queue.depth()).isZero();
        assertThat(reconciled).isEmpty();
    }

    /** Runs a reconcile that is still going when the queue closes, then answers as {@code answer} says. */
    private void assertEndsQuietly(Function<String, Optional<Duration>> answer) throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        CompletableFuture<Thread> worker = new CompletableFuture<>();
        NodeWorkQueue queue = new NodeWorkQueue(key -> {
            worker.complete(Thread.currentThread());
            running.countDown();
            waitFor(closed);
            return answer.apply(key);
        });
        queue.enqueue("a");
        assertThat(running.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        queue.close();
        closed.countDown();

        Thread thread = worker.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        thread.join(WAIT.toMillis());
        assertThat(thread.isAlive()).as("the worker has ended").isFalse();
        assertThat(escaped).as("nothing escaped the worker").isEmpty();
        assertThat(queue.depth()).isZero();
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the test never released the reconcile");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
