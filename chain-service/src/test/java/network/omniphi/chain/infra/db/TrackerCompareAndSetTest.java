package network.omniphi.chain.infra.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

import network.omniphi.chain.domain.model.BondStatus;
import network.omniphi.chain.domain.model.ObservedValidator;
import network.omniphi.chain.domain.model.TrackedTx;
import network.omniphi.chain.domain.model.TxResult;
import network.omniphi.chain.domain.model.ValidatorChange;
import network.omniphi.chain.domain.port.SetupTxStore;

/**
 * Tracker writes are compare-and-set: two rounds that saw the same tx or the same validator change — a second
 * replica, or a round overlapping a restart — store it and emit its event once.
 */
@QuarkusTest
class TrackerCompareAndSetTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    SetupTxStore store;

    @Inject
    AgroalDataSource db;

    @Test
    void aTxConfirmedByTwoRoundsAtOnceIsConfirmedAndAnnouncedOnce() throws SQLException {
        TrackedTx tx = submitted();

        TxResult result = new TxResult(tx.txHash(), 42, 0, "", "");
        Uni.join().all(store.confirmed(tx, result), store.confirmed(tx, result)).andCollectFailures()
                .await().atMost(WAIT);
        store.confirmed(tx, result).await().atMost(WAIT);
        store.failed(tx, new ValidatorChange.TxFailed(tx.txHash(), 5, "sdk", "late", "INSUFFICIENT_BALANCE"),
                Instant.now())
                .await().atMost(WAIT);

        assertThat(events(tx.setupRequestId())).isEqualTo(2); // tx_submitted + one tx_confirmed
        assertThat(single("SELECT status FROM tracked_txs WHERE tx_hash = ?", tx.txHash())).isEqualTo("confirmed");
    }

    @Test
    void aValidatorChangeSeenByTwoRoundsAtOnceIsStoredAndAnnouncedOnce() throws SQLException {
        TrackedTx tx = submitted();
        store.confirmed(tx, new TxResult(tx.txHash(), 42, 0, "", "")).await().atMost(WAIT);
        ObservedValidator unseen = new ObservedValidator(tx.setupRequestId(), tx.operatorAddress(), false,
                BondStatus.UNSPECIFIED, false, 0);
        ObservedValidator bonded = new ObservedValidator(tx.setupRequestId(), tx.operatorAddress(), true,
                BondStatus.BONDED, false, 2000);
        List<ValidatorChange> changes = List.of(new ValidatorChange.Bonded(2000));

        Uni.join().all(store.observed(unseen, bonded, changes), store.observed(unseen, bonded, changes))
                .andCollectFailures().await().atMost(WAIT);
        store.observed(unseen, bonded, changes).await().atMost(WAIT);

        assertThat(events(tx.setupRequestId())).isEqualTo(3); // submitted, confirmed, one bonded
        assertThat(single("SELECT status FROM validator_states WHERE setup_request_id = ?", tx.setupRequestId()))
                .isEqualTo("BONDED");
        assertThat(store.trackedValidators().await().atMost(WAIT)).contains(bonded);
    }

    private TrackedTx submitted() {
        String setup = UUID.randomUUID().toString();
        String hash = UUID.randomUUID().toString().replace("-", "").toUpperCase()
                + UUID.randomUUID().toString().replace("-", "").toUpperCase();
        TrackedTx tx = new TrackedTx(hash, setup, "omnivaloper1" + setup.substring(0, 8), Instant.now(), "omni1wallet",
                0, 0, "create_validator");
        store.submitted(tx).await().atMost(WAIT);
        return tx;
    }

    private long events(String setupRequestId) throws SQLException {
        return Long.parseLong(single("SELECT count(*) FROM outbox WHERE record_key = ?", setupRequestId));
    }

    private String single(String sql, String arg) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, arg);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
