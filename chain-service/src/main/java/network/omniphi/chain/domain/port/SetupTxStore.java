package network.omniphi.chain.domain.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.smallrye.mutiny.Uni;

import network.omniphi.chain.domain.model.ObservedValidator;
import network.omniphi.chain.domain.model.PreparedTx;
import network.omniphi.chain.domain.model.TrackedTx;
import network.omniphi.chain.domain.model.TxResult;
import network.omniphi.chain.domain.model.ValidatorChange;

/**
 * Durable state of chain-service. Every method that changes state also enqueues the matching ChainEvent(s) in the
 * outbox within the same transaction.
 */
public interface SetupTxStore {

    Uni<Void> savePrepared(PreparedTx prepared);

    Uni<Optional<PreparedTx>> prepared(String setupRequestId);

    /**
     * True when the setup has a live tx of this kind: a submitted or confirmed MsgCreateValidator, or a submitted
     * MsgUnjail (a validator may be jailed and unjailed many times).
     */
    Uni<Boolean> hasLiveTx(String setupRequestId, String kind);

    /** The tx recorded under this hash, whatever its state. */
    Uni<Optional<TrackedTx>> trackedTx(String txHash);

    /**
     * Records the tx and emits tx_submitted, once: a tx already recorded under the same hash (a concurrent duplicate
     * broadcast) is left as it is and emits nothing. True when this call recorded it.
     */
    Uni<Boolean> submitted(TrackedTx tx);

    Uni<List<TrackedTx>> pendingTxs(int limit);

    /**
     * Marks the tx confirmed, starts tracking its validator and emits tx_confirmed — only if it is still submitted, so
     * a round that overlaps another (a second replica, a restart) emits nothing twice.
     */
    Uni<Void> confirmed(TrackedTx tx, TxResult result);

    /** Marks the tx failed and emits tx_failed — only if it is still submitted. */
    Uni<Void> failed(TrackedTx tx, ValidatorChange.TxFailed failure, Instant at);

    Uni<List<ObservedValidator>> trackedValidators();

    /**
     * Stores the new observation and emits the changes, only if the stored one is still {@code before} (the one the
     * changes were computed from): compare-and-set, so concurrent rounds or replicas emit each change once.
     */
    Uni<Void> observed(ObservedValidator before, ObservedValidator next, List<ValidatorChange> changes);
}
