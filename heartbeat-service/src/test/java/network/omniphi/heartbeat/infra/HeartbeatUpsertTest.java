package network.omniphi.heartbeat.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import network.omniphi.heartbeat.domain.HeartbeatWrite;
import network.omniphi.heartbeat.domain.StoreOutcome;
import network.omniphi.heartbeat.domain.StoreOutcome.Status;
import network.omniphi.heartbeat.support.TestNode;

/**
 * The one-statement batch upsert on the real database: link check, replay guard, wallet binding, binding candidates
 * and height-change time, each outcome in the order of the batch.
 */
@QuarkusTest
class HeartbeatUpsertTest {

    @Inject
    HeartbeatUpsert upsert;

    @Inject
    Pool pool;

    static final Instant T = Instant.now().truncatedTo(ChronoUnit.MICROS);

    static HeartbeatWrite write(TestNode node, String wallet, Instant signedAt, long height) {
        return new HeartbeatWrite(node.pubkey, wallet, Instant.now(), signedAt, TestNode.rfc3339(signedAt), height, 1,
                26657, 26656);
    }

    List<StoreOutcome> write(HeartbeatWrite... batch) {
        return upsert.write(List.of(batch)).await().atMost(Duration.ofSeconds(20));
    }

    Row row(TestNode node) {
        return pool.preparedQuery("SELECT * FROM local_validator_heartbeats WHERE consensus_pubkey = $1")
                .execute(Tuple.of(node.pubkey)).await().atMost(Duration.ofSeconds(20)).iterator().next();
    }

    void sql(String sql, Object... args) {
        pool.preparedQuery(sql).execute(Tuple.from(args)).await().atMost(Duration.ofSeconds(20));
    }

    @Test
    void aMixedBatchAnswersEachWriteInItsOrder() {
        TestNode fresh = new TestNode().linked();
        TestNode known = new TestNode().linked();
        TestNode unlinked = new TestNode();
        write(write(known, known.wallet, T, 1));

        List<StoreOutcome> outcomes = write(write(unlinked, unlinked.wallet, T, 1),
                write(known, known.wallet, T, 2), write(fresh, fresh.wallet, T, 1));

        assertThat(outcomes).containsExactly(StoreOutcome.refused(Status.NOT_LINKED),
                StoreOutcome.refused(Status.REPLAYED), StoreOutcome.accepted(null, true, false));
        assertThat(row(known).getLong("block_height")).isEqualTo(1);
    }

    @Test
    void aNewerHeartbeatUpdatesTheRowAndTheHeightTimeOnlyWhenTheHeightMoves() {
        TestNode node = new TestNode().linked();
        write(write(node, node.wallet, T, 5));
        Instant firstChange = row(node).getOffsetDateTime("height_changed_at").toInstant();

        assertThat(write(write(node, node.wallet, T.plusSeconds(1), 5)))
                .containsExactly(StoreOutcome.accepted(null, false, false));
        assertThat(row(node).getOffsetDateTime("height_changed_at").toInstant()).isEqualTo(firstChange);
        assertThat(row(node).getString("heartbeat_ts_text")).isEqualTo(TestNode.rfc3339(T.plusSeconds(1)));

        write(write(node, node.wallet, T.plusSeconds(2), 6));
        assertThat(row(node).getLong("block_height")).isEqualTo(6);
        assertThat(row(node).getOffsetDateTime("height_changed_at").toInstant()).isAfter(firstChange);
    }

    @Test
    void aKeyRelinkedToAnotherWalletIsBoundElsewhereUntilItsRowIsGone() {
        TestNode node = new TestNode().linked();
        write(write(node, node.wallet, T, 1));
        String other = TestNode.randomWallet();
        sql("UPDATE consensus_key_links SET wallet_address = $1 WHERE consensus_pubkey = $2", other, node.pubkey);

        assertThat(write(write(node, other, T.plusSeconds(1), 2)))
                .containsExactly(StoreOutcome.refused(Status.KEY_BOUND_ELSEWHERE));
        assertThat(write(write(node, node.wallet, T.plusSeconds(1), 2)))
                .as("the old wallet's link is gone").containsExactly(StoreOutcome.refused(Status.NOT_LINKED));
        assertThat(row(node).getString("wallet_address")).isEqualTo(node.wallet);
    }

    @Test
    void aKeyLinkedToAPendingLocalSetupIsABindingCandidate() {
        TestNode node = new TestNode();
        String setup = UUID.randomUUID().toString();
        sql("INSERT INTO local_setups (setup_request_id, wallet_address, status, requested_at)"
                + " VALUES ($1, $2, 'pending', now())", setup, node.wallet);
        sql("INSERT INTO consensus_key_links (consensus_pubkey, setup_request_id, wallet_address) VALUES ($1, $2, $3)",
                node.pubkey, setup, node.wallet);

        assertThat(write(write(node, node.wallet, T, 1))).containsExactly(StoreOutcome.accepted(null, true, true));

        sql("UPDATE consensus_key_links SET released_at = now() WHERE consensus_pubkey = $1", node.pubkey);
        assertThat(write(write(node, node.wallet, T.plusSeconds(1), 2)))
                .as("a released link stores nothing").containsExactly(StoreOutcome.refused(Status.NOT_LINKED));
    }
}
