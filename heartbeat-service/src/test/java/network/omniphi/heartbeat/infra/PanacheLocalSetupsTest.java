package network.omniphi.heartbeat.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;

import network.omniphi.heartbeat.domain.LocalSetups;
import network.omniphi.heartbeat.domain.LocalSetups.KeyLinked;
import network.omniphi.heartbeat.domain.LocalSetups.Requested;
import network.omniphi.heartbeat.domain.LocalSetups.Stopped;
import network.omniphi.heartbeat.support.TestNode;

/**
 * A setup's row is created by whichever of its setup, link or stop events comes first, and those come from different
 * topics, so two consumers can create it at once. Here the other consumer is a plain transaction that has inserted
 * the row and not committed yet: each change must wait for it and then apply to that row, not fail on the primary key
 * (which would cost a retry and a warning with an SQL error in the log).
 */
@QuarkusTest
class PanacheLocalSetupsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    LocalSetups setups;

    @Inject
    Pool pool;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Test
    void aSetupEventWhileAnotherConsumerCreatesTheRowLeavesThatRow() {
        String id = UUID.randomUUID().toString();
        String wallet = TestNode.randomWallet();

        whileAnotherConsumerInsertsPending(id, wallet,
                () -> setups.requested(new Requested(id, wallet, now.plusSeconds(5))));

        Row row = setup(id);
        assertThat(row.getString("status")).isEqualTo("pending");
        assertThat(row.getOffsetDateTime("requested_at").toInstant()).isEqualTo(now);
    }

    @Test
    void aLinkWhileAnotherConsumerCreatesTheRowLinksTheKeyToIt() {
        String id = UUID.randomUUID().toString();
        TestNode node = new TestNode();

        whileAnotherConsumerInsertsPending(id, node.wallet,
                () -> setups.keyLinked(new KeyLinked(id, node.pubkey, node.wallet, now)));

        assertThat(setup(id).getString("status")).isEqualTo("pending");
        Row link = pool.preparedQuery("SELECT * FROM consensus_key_links WHERE consensus_pubkey = $1")
                .execute(Tuple.of(node.pubkey)).await().atMost(WAIT).iterator().next();
        assertThat(link.getString("setup_request_id")).isEqualTo(id);
        assertThat(link.getString("wallet_address")).isEqualTo(node.wallet);
        assertThat(link.getValue("released_at")).isNull();
    }

    @Test
    void aStopWhileAnotherConsumerCreatesTheRowStopsIt() {
        String id = UUID.randomUUID().toString();
        String wallet = TestNode.randomWallet();

        whileAnotherConsumerInsertsPending(id, wallet, () -> setups.stopped(new Stopped(id, wallet)));

        Row row = setup(id);
        assertThat(row.getString("status")).isEqualTo("stopped");
        assertThat(row.getValue("stopped_at")).isNotNull();
    }

    @Test
    void aStopBeforeAnyOtherEventLeavesAStoppedRowThatALateSetupEventKeeps() {
        String id = UUID.randomUUID().toString();
        String wallet = TestNode.randomWallet();

        inTransaction(() -> setups.stopped(new Stopped(id, wallet)));
        inTransaction(() -> setups.requested(new Requested(id, wallet, now)));

        assertThat(setup(id).getString("status")).isEqualTo("stopped");
    }

    /**
     * Inserts the setup's row in a transaction of its own, starts {@code change} in the consumer's kind of transaction,
     * waits until that change waits on the uncommitted row, commits, and expects the change to complete.
     */
    private void whileAnotherConsumerInsertsPending(String id, String wallet, Supplier<Uni<Void>> change) {
        SqlConnection other = pool.getConnection().await().atMost(WAIT);
        try {
            Transaction tx = other.begin().await().atMost(WAIT);
            other.preparedQuery("INSERT INTO local_setups (setup_request_id, wallet_address, status, requested_at)"
                    + " VALUES ($1, $2, 'pending', $3)")
                    .execute(Tuple.of(id, wallet, now.atOffset(ZoneOffset.UTC))).await().atMost(WAIT);

            CompletableFuture<Void> applied = CompletableFuture.runAsync(() -> inTransaction(change));
            await().atMost(WAIT).until(() -> applied.isDone() || waitingOnALock());
            tx.commit().await().atMost(WAIT);

            assertThat(applied).succeedsWithin(WAIT);
        } finally {
            other.closeAndAwait();
        }
    }

    private void inTransaction(Supplier<Uni<Void>> change) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(change));
        } catch (Throwable t) {
            throw new IllegalStateException("the change failed", t);
        }
    }

    /** Whether a session is blocked on a lock while running a statement about this setup's row. */
    private boolean waitingOnALock() {
        return pool.preparedQuery("SELECT count(*) FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid"
                + " WHERE NOT l.granted AND a.query ILIKE '%local_setups%'")
                .execute().await().atMost(WAIT).iterator().next().getLong(0) > 0;
    }

    private Row setup(String id) {
        return pool.preparedQuery("SELECT * FROM local_setups WHERE setup_request_id = $1").execute(Tuple.of(id))
                .await().atMost(WAIT).iterator().next();
    }
}
