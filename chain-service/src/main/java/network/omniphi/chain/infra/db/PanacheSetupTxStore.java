package network.omniphi.chain.infra.db;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import com.google.protobuf.InvalidProtocolBufferException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import network.omniphi.chain.domain.model.BondStatus;
import network.omniphi.chain.domain.model.ObservedValidator;
import network.omniphi.chain.domain.model.PreparedTx;
import network.omniphi.chain.domain.model.TrackedTx;
import network.omniphi.chain.domain.model.TxResult;
import network.omniphi.chain.domain.model.ValidatorChange;
import network.omniphi.chain.domain.port.SetupTxStore;
import network.omniphi.chain.infra.cosmos.CosmosMessages;
import network.omniphi.commons.events.Topics;
import network.omniphi.commons.outbox.OutboxWriter;

import cosmos.staking.v1beta1.MsgCreateValidator;

/** PostgreSQL state of chain-service; each state change and its events commit together (outbox). */
@ApplicationScoped
public class PanacheSetupTxStore implements SetupTxStore {

    private final OutboxWriter outbox;
    private final VertxContexts contexts;
    private final Clock clock;

    public PanacheSetupTxStore(OutboxWriter outbox, VertxContexts contexts, Clock clock) {
        this.outbox = outbox;
        this.contexts = contexts;
        this.clock = clock;
    }

    @Override
    public Uni<Void> savePrepared(PreparedTx p) {
        return contexts.run(() -> Panache.withTransaction(() -> PreparedTxEntity
                .<PreparedTxEntity>findById(p.setupRequestId())
                .flatMap(existing -> {
                    PreparedTxEntity e = existing == null ? new PreparedTxEntity() : existing;
                    e.setupRequestId = p.setupRequestId();
                    e.walletAddress = p.walletAddress();
                    e.signerPubkey = p.signerPubkey();
                    e.chainId = p.chainId();
                    e.accountNumber = p.accountNumber();
                    e.msgBytes = CosmosMessages.toProto(p.msg()).toByteArray();
                    e.createdAt = clock.instant();
                    return e.persist();
                }).replaceWithVoid()));
    }

    @Override
    public Uni<Optional<PreparedTx>> prepared(String setupRequestId) {
        return contexts.run(() -> Panache.withSession(() -> PreparedTxEntity
                .<PreparedTxEntity>findById(setupRequestId)
                .map(e -> Optional.ofNullable(e).map(PanacheSetupTxStore::toDomain))));
    }

    private static PreparedTx toDomain(PreparedTxEntity e) {
        try {
            return new PreparedTx(e.setupRequestId, e.walletAddress, e.signerPubkey, e.chainId, e.accountNumber,
                    CosmosMessages.fromProto(MsgCreateValidator.parseFrom(e.msgBytes)));
        } catch (InvalidProtocolBufferException ex) {
            throw new IllegalStateException("corrupt prepared tx of setup " + e.setupRequestId, ex);
        }
    }

    @Override
    public Uni<Boolean> hasLiveTx(String setupRequestId) {
        return contexts.run(() -> Panache.withSession(() -> TrackedTxEntity
                .count("setupRequestId = ?1 and status in (?2, ?3)", setupRequestId, TrackedTxEntity.SUBMITTED,
                        TrackedTxEntity.CONFIRMED)
                .map(n -> n > 0)));
    }

    @Override
    public Uni<Void> submitted(TrackedTx tx) {
        return contexts.run(() -> Panache.withTransaction(() -> {
            TrackedTxEntity e = new TrackedTxEntity();
            e.txHash = tx.txHash();
            e.setupRequestId = tx.setupRequestId();
            e.operatorAddress = tx.operatorAddress();
            e.status = TrackedTxEntity.SUBMITTED;
            e.submittedAt = tx.submittedAt();
            e.updatedAt = tx.submittedAt();
            return e.persist().flatMap(ignored -> emit(tx.setupRequestId(), tx.operatorAddress(),
                    List.of(new ValidatorChange.TxSubmitted(tx.txHash()))));
        }));
    }

    @Override
    public Uni<List<TrackedTx>> pendingTxs(int limit) {
        return contexts.run(() -> Panache.withSession(() -> TrackedTxEntity
                .<TrackedTxEntity>find("status", Sort.by("submittedAt"), TrackedTxEntity.SUBMITTED)
                .page(0, limit).list()
                .map(list -> list.stream().map(e -> new TrackedTx(e.txHash, e.setupRequestId, e.operatorAddress,
                        e.submittedAt)).toList())));
    }

    @Override
    public Uni<Void> confirmed(TrackedTx tx, TxResult result) {
        return contexts.run(() -> Panache.withTransaction(() -> settle(tx, TrackedTxEntity.CONFIRMED,
                result.height(), 0, "", result.rawLog())
                .flatMap(settled -> !settled
                        ? Uni.createFrom().voidItem()
                        : startTracking(tx)
                                .flatMap(ignored -> emit(tx.setupRequestId(), tx.operatorAddress(),
                                        List.of(new ValidatorChange.TxConfirmed(tx.txHash(), result.height())))))));
    }

    @Override
    public Uni<Void> failed(TrackedTx tx, ValidatorChange.TxFailed failure, Instant at) {
        return contexts.run(() -> Panache.withTransaction(() -> settle(tx, TrackedTxEntity.FAILED, null,
                failure.code(), failure.codespace(), failure.rawLog())
                .flatMap(settled -> settled
                        ? emit(tx.setupRequestId(), tx.operatorAddress(), List.of(failure))
                        : Uni.createFrom().voidItem())));
    }

    /**
     * Settles a tx that is still submitted (row locked, compare-and-set): a second tracker round or a second replica
     * that saw the same tx finds it settled and emits nothing.
     */
    private Uni<Boolean> settle(TrackedTx tx, String status, Long height, int code, String codespace, String log) {
        return TrackedTxEntity.<TrackedTxEntity>findById(tx.txHash(), LockModeType.PESSIMISTIC_WRITE).flatMap(e -> {
            if (e == null || !TrackedTxEntity.SUBMITTED.equals(e.status)) {
                return Uni.createFrom().item(false);
            }
            e.status = status;
            e.height = height;
            e.code = code;
            e.codespace = codespace;
            e.rawLog = log;
            e.updatedAt = clock.instant();
            return e.persist().replaceWith(true);
        });
    }

    private Uni<Void> startTracking(TrackedTx tx) {
        ValidatorStateEntity e = new ValidatorStateEntity();
        e.setupRequestId = tx.setupRequestId();
        e.operatorAddress = tx.operatorAddress();
        e.found = false;
        e.status = BondStatus.UNSPECIFIED.name();
        e.updatedAt = clock.instant();
        return ValidatorStateEntity.findById(tx.setupRequestId())
                .flatMap(existing -> existing == null ? e.persist().replaceWithVoid() : Uni.createFrom().voidItem());
    }

    @Override
    public Uni<List<ObservedValidator>> trackedValidators() {
        return contexts.run(() -> Panache.withSession(() -> ValidatorStateEntity.<ValidatorStateEntity>listAll()
                .map(list -> list.stream().map(PanacheSetupTxStore::stateOf).toList())));
    }

    @Override
    public Uni<Void> observed(ObservedValidator before, ObservedValidator next, List<ValidatorChange> changes) {
        return contexts.run(() -> Panache.withTransaction(() -> ValidatorStateEntity
                .<ValidatorStateEntity>findById(next.setupRequestId(), LockModeType.PESSIMISTIC_WRITE).flatMap(e -> {
                    if (e == null || !before.equals(stateOf(e))) {
                        // another round or replica stored a newer observation first: its events went out with it
                        return Uni.createFrom().voidItem();
                    }
                    e.found = next.found();
                    e.status = next.status().name();
                    e.jailed = next.jailed();
                    e.votingPower = next.votingPower();
                    e.updatedAt = clock.instant();
                    return e.persist()
                            .flatMap(ignored -> emit(next.setupRequestId(), next.operatorAddress(), changes));
                })));
    }

    private static ObservedValidator stateOf(ValidatorStateEntity e) {
        return new ObservedValidator(e.setupRequestId, e.operatorAddress, e.found, BondStatus.valueOf(e.status),
                e.jailed, e.votingPower);
    }

    private Uni<Void> emit(String setupRequestId, String operatorAddress, List<ValidatorChange> changes) {
        return Multi.createFrom().iterable(changes)
                .onItem().transformToUniAndConcatenate(c -> outbox.enqueue(Topics.CHAIN_EVENTS, setupRequestId,
                        ChainEventMapper.toEvent(setupRequestId, operatorAddress, c, clock)))
                .collect().last().replaceWithVoid();
    }
}
