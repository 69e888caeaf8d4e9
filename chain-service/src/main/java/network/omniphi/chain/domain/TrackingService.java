package network.omniphi.chain.domain;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import network.omniphi.chain.domain.model.ObservedValidator;
import network.omniphi.chain.domain.model.TrackedTx;
import network.omniphi.chain.domain.model.TxResult;
import network.omniphi.chain.domain.model.ValidatorChange;
import network.omniphi.chain.domain.model.ValidatorState;
import network.omniphi.chain.domain.port.ChainPort;
import network.omniphi.chain.domain.port.SetupTxStore;

/** Use cases run by the schedulers: follow submitted txs to inclusion and tracked validators through the set. */
@ApplicationScoped
public class TrackingService {

    static final int BATCH = 100;

    private final ChainPort chain;
    private final SetupTxStore store;
    private final ChainSettings settings;
    private final BlockTimeEstimator blockTime;
    private final Clock clock;
    private final Duration inclusionTimeout;

    public TrackingService(ChainPort chain, SetupTxStore store, ChainSettings settings, BlockTimeEstimator blockTime,
            Clock clock, TrackingSettings tracking) {
        this.chain = chain;
        this.store = store;
        this.settings = settings;
        this.blockTime = blockTime;
        this.clock = clock;
        this.inclusionTimeout = tracking.inclusionTimeout();
    }

    /** Polls GetTx for every submitted tx; returns how many changed state. */
    public Uni<Integer> pollTxs() {
        return store.pendingTxs(BATCH).flatMap(txs -> Multi.createFrom().iterable(txs)
                .onItem().transformToUniAndConcatenate(tx -> chain.tx(tx.txHash()).flatMap(r -> settle(tx, r)))
                .collect().asList().map(done -> (int) done.stream().filter(Boolean::booleanValue).count()));
    }

    private Uni<Boolean> settle(TrackedTx tx, Optional<TxResult> result) {
        if (result.isPresent() && result.get().code() == 0) {
            return store.confirmed(tx, result.get()).replaceWith(true);
        }
        if (result.isPresent()) {
            TxResult r = result.get();
            return store.failed(tx, new ValidatorChange.TxFailed(tx.txHash(), r.code(), r.codespace(), r.rawLog()),
                    clock.instant()).replaceWith(true);
        }
        if (tx.submittedAt().plus(inclusionTimeout).isBefore(clock.instant())) {
            return store.failed(tx, new ValidatorChange.TxFailed(tx.txHash(), 0, "", "not included within "
                    + inclusionTimeout.toSeconds() + "s; it may have been dropped from the mempool"),
                    clock.instant()).replaceWith(true);
        }
        return Uni.createFrom().item(false);
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
            return after.equals(before) ? Uni.createFrom().voidItem() : store.observed(before, after, changes);
        });
    }

    private ObservedValidator observation(ObservedValidator before, ValidatorState v) {
        return new ObservedValidator(before.setupRequestId(), before.operatorAddress(), true, v.status(), v.jailed(),
                v.votingPower(settings.powerReduction()));
    }

    /** Settings of the trackers that the domain needs. */
    public record TrackingSettings(Duration inclusionTimeout) {
    }
}
