package network.omniphi.chain.domain;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import network.omniphi.chain.domain.model.ChainHead;
import network.omniphi.chain.domain.model.ObservedValidator;
import network.omniphi.chain.domain.model.TrackedTx;
import network.omniphi.chain.domain.model.TxLookup;
import network.omniphi.chain.domain.model.TxResult;
import network.omniphi.chain.domain.model.ValidatorChange;
import network.omniphi.chain.domain.model.ValidatorState;
import network.omniphi.chain.domain.port.ChainPort;
import network.omniphi.chain.domain.port.JailBudgetSink;
import network.omniphi.chain.domain.port.SetupTxStore;

/**
 * Use cases run by the schedulers: follow submitted txs to inclusion and tracked validators through the set. Each tx
 * is settled on its own (one failing lookup never stops the batch) by the first fact that decides it:
 * <ol>
 * <li>GetTx found it: confirmed (code 0) or failed with the block's code;</li>
 * <li>the node keeps no tx index and the signer's account sequence moved past the tx's sequence: the sequence was
 * used in a block (cosmos-sdk v0.50 {@code x/auth/ante/sigverify.go} IncrementSequenceDecorator runs for included txs
 * whether their messages succeed or not), so the outcome is read from the state the tx was to change (the validator
 * exists);</li>
 * <li>the chain is past the tx's {@code timeout_height}: it can no longer be included ({@code x/auth/ante/basic.go}
 * TxTimeoutHeightDecorator), so it failed;</li>
 * <li>txs recorded without a timeout height: not included within {@code inclusion-timeout}.</li>
 * </ol>
 */
@ApplicationScoped
public class TrackingService {

    private static final Logger LOG = Logger.getLogger(TrackingService.class);
    static final int BATCH = 100;

    private final ChainPort chain;
    private final SetupTxStore store;
    private final ChainSettings settings;
    private final BlockTimeEstimator blockTime;
    private final Clock clock;
    private final Duration inclusionTimeout;
    private final Addresses addresses;
    private final JailBudgetSink budgets;

    public TrackingService(ChainPort chain, SetupTxStore store, ChainSettings settings, BlockTimeEstimator blockTime,
            Clock clock, TrackingSettings tracking, Addresses addresses, JailBudgetSink budgets) {
        this.addresses = addresses;
        this.budgets = budgets;
        this.chain = chain;
        this.store = store;
        this.settings = settings;
        this.blockTime = blockTime;
        this.clock = clock;
        this.inclusionTimeout = tracking.inclusionTimeout();
    }

    /** Looks every submitted tx up; returns how many changed state. */
    public Uni<Integer> pollTxs() {
        return store.pendingTxs(BATCH).flatMap(txs -> txs.isEmpty()
                ? Uni.createFrom().item(0)
                : chain.head().invoke(blockTime::observe).flatMap(head -> Multi.createFrom().iterable(txs)
                        .onItem().transformToUniAndConcatenate(tx -> settleOne(tx, head))
                        .collect().asList()
                        .map(done -> (int) done.stream().filter(Boolean::booleanValue).count())));
    }

    private Uni<Boolean> settleOne(TrackedTx tx, ChainHead head) {
        return chain.tx(tx.txHash()).flatMap(lookup -> {
            if (lookup instanceof TxLookup.Included included) {
                return included(tx, included.result());
            }
            return lookup instanceof TxLookup.IndexUnavailable ? withoutIndex(tx, head) : expired(tx, head);
        }).onFailure().recoverWithItem(e -> {
            LOG.warnf("tx %s of setup %s: lookup failed, retrying next round: %s", tx.txHash(), tx.setupRequestId(),
                    e.getMessage());
            return false;
        });
    }

    private Uni<Boolean> included(TrackedTx tx, TxResult r) {
        if (r.code() == 0) {
            return store.confirmed(tx, r).replaceWith(true);
        }
        ChainError error = CheckTxErrors.inBlock(r.codespace(), r.code());
        return failed(tx, error, r.code(), r.codespace(), r.rawLog());
    }

    private Uni<Boolean> withoutIndex(TrackedTx tx, ChainHead head) {
        if (tx.walletAddress() == null) {
            return expired(tx, head);
        }
        return chain.account(tx.walletAddress()).flatMap(account -> account.isPresent()
                && Long.compareUnsigned(account.get().sequence(), tx.sequence()) > 0
                        ? byEffect(tx, head)
                        : expired(tx, head));
    }

    private Uni<Boolean> byEffect(TrackedTx tx, ChainHead head) {
        boolean unjail = network.omniphi.chain.domain.model.UnjailMsg.KIND.equals(tx.kind());
        return chain.validator(tx.operatorAddress()).flatMap(v -> v.isPresent() && (!unjail || !v.get().jailed())
                ? store.confirmed(tx, new TxResult(tx.txHash(), head.height(), 0, "",
                        "settled without a tx index: sequence " + tx.sequence() + " was used and "
                                + (unjail ? "the validator is no longer jailed" : "the validator exists")))
                        .replaceWith(true)
                : failed(tx, ChainError.TX_FAILED_IN_BLOCK, 0, "", "sequence " + tx.sequence()
                        + " was used in a block but "
                        + (unjail ? "the validator is still jailed" : "no validator exists")
                        + ": the tx failed in the block (fee paid) or another tx of the wallet took that sequence"));
    }

    private Uni<Boolean> expired(TrackedTx tx, ChainHead head) {
        if (tx.timeoutHeight() > 0) {
            return head.height() > tx.timeoutHeight()
                    ? failed(tx, ChainError.TX_NOT_INCLUDED, 0, "", "not included by its timeout height "
                            + tx.timeoutHeight() + " (the chain is at " + head.height() + "); build and sign again")
                    : Uni.createFrom().item(false);
        }
        if (tx.submittedAt().plus(inclusionTimeout).isBefore(clock.instant())) {
            return failed(tx, ChainError.TX_NOT_INCLUDED, 0, "", "not included within "
                    + inclusionTimeout.toSeconds() + "s; it may have been dropped from the mempool");
        }
        return Uni.createFrom().item(false);
    }

    private Uni<Boolean> failed(TrackedTx tx, ChainError error, int code, String codespace, String log) {
        return store.failed(tx, new ValidatorChange.TxFailed(tx.txHash(), code, codespace, log, error.code()),
                clock.instant()).replaceWith(true);
    }

    /** Compares each tracked validator with the chain and stores/emits what changed. */
    public Uni<Integer> pollValidators() {
        return store.trackedValidators().flatMap(tracked -> tracked.isEmpty()
                ? Uni.createFrom().item(0)
                : chain.head().invoke(blockTime::observe).flatMap(head -> Multi.createFrom().iterable(tracked)
                        .onItem().transformToUniAndConcatenate(before -> observe(before, head.height()))
                        .collect().asList().map(List::size)));
    }

    private Uni<Void> observe(ObservedValidator before, long height) {
        return chain.validator(before.operatorAddress()).flatMap(state -> {
            ObservedValidator after = state.map(v -> observation(before, v)).orElse(before);
            List<ValidatorChange> changes = ValidatorDiff.between(before, after, height);
            Uni<Void> stored = after.equals(before)
                    ? Uni.createFrom().voidItem()
                    : store.observed(before, after,
                            changes);
            return stored.flatMap(ignored -> state.isPresent() && !state.get().consensusPubkey().isEmpty()
                    ? jailBudget(before.operatorAddress(), state.get())
                    : Uni.createFrom().voidItem());
        });
    }

    /** Refreshes the jail budget gauge of a tracked validator; a failing query leaves the last value. */
    private Uni<Void> jailBudget(String operator, ValidatorState v) {
        return Uni.combine().all().unis(chain.signingInfo(addresses.consensusOf(v.consensusPubkey())),
                chain.slashingParams()).asTuple()
                .invoke(t -> t.getItem1().ifPresent(info -> budgets.record(operator,
                        network.omniphi.chain.domain.model.JailBudget.of(info, t.getItem2(), blockTime.blockTime()))))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private ObservedValidator observation(ObservedValidator before, ValidatorState v) {
        return new ObservedValidator(before.setupRequestId(), before.operatorAddress(), true, v.status(), v.jailed(),
                v.votingPower(settings.powerReduction()));
    }

    /** Settings of the trackers that the domain needs. */
    public record TrackingSettings(Duration inclusionTimeout) {
    }
}
