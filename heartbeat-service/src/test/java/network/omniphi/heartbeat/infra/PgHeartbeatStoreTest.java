package network.omniphi.heartbeat.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

import network.omniphi.heartbeat.domain.HeartbeatWrite;
import network.omniphi.heartbeat.domain.StoreOutcome;
import network.omniphi.heartbeat.domain.StoreOutcome.Status;
import network.omniphi.heartbeat.support.TestNode;

/**
 * The database-side guard alone (as another replica would meet it): link check, conditional upsert, same-batch
 * duplicates.
 */
@QuarkusTest
class PgHeartbeatStoreTest {

    @Inject
    PgHeartbeatStore store;

    private static HeartbeatWrite write(TestNode node, String wallet, Instant signedAt, long height) {
        return new HeartbeatWrite(node.pubkey, wallet, Instant.now(), signedAt.truncatedTo(ChronoUnit.MICROS),
                TestNode.rfc3339(signedAt), height, 1, 26657, 26656);
    }

    private StoreOutcome await(Uni<StoreOutcome> outcome) {
        return outcome.await().atMost(Duration.ofSeconds(20));
    }

    @Test
    void conditionalUpsertRefusesOlderEqualForeignWalletAndUnlinkedKeys() {
        TestNode node = new TestNode().linked();
        Instant t = Instant.now();
        assertThat(await(store.store(write(node, node.wallet, t, 1))))
                .isEqualTo(StoreOutcome.accepted(null, true, false));
        assertThat(await(store.store(write(node, node.wallet, t, 2))).status()).isEqualTo(Status.REPLAYED);
        assertThat(await(store.store(write(node, node.wallet, t.minusMillis(1), 2))).status())
                .isEqualTo(Status.REPLAYED);
        // the key is linked to its owner's wallet only
        assertThat(await(store.store(write(node, TestNode.randomWallet(), t.plusMillis(1), 2))).status())
                .isEqualTo(Status.NOT_LINKED);
        TestNode unlinked = new TestNode();
        assertThat(await(store.store(write(unlinked, unlinked.wallet, t, 1))).status()).isEqualTo(Status.NOT_LINKED);
        assertThat(await(store.store(write(node, node.wallet, t.plusMillis(1), 3))))
                .isEqualTo(StoreOutcome.accepted(null, false, false));
    }

    @Test
    void sameKeyTwiceInOneBatchIsWrittenInArrivalOrder() {
        TestNode node = new TestNode().linked();
        Instant t = Instant.now();
        List<StoreOutcome> outcomes = Uni.join().all(
                store.store(write(node, node.wallet, t, 1)),
                store.store(write(node, node.wallet, t.plusMillis(5), 2)),
                store.store(write(node, node.wallet, t.plusMillis(5), 3))).andFailFast()
                .await().atMost(Duration.ofSeconds(20));
        assertThat(outcomes).extracting(StoreOutcome::status)
                .containsExactly(Status.ACCEPTED, Status.ACCEPTED, Status.REPLAYED);
    }
}
