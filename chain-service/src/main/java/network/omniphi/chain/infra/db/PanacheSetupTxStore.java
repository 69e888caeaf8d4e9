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
                    e.kind = p.msg().kind();
                    e.msgBytes = CosmosMessages.toAny(p.msg()).getValue().toByteArray();
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
            String url = network.omniphi.chain.domain.model.UnjailMsg.KIND.equals(e.kind)
                    ? network.omniphi.chain.domain.model.UnjailMsg.TYPE_URL
                    : CosmosMessages.MSG_CREATE_VALIDATOR_URL;
            return new PreparedTx(e.setupRequestId, e.walletAddress, e.signerPubkey, e.chainId, e.accountNumber,
                    CosmosMessages.fromAny(com.google.protobuf.Any.newBuilder().setTypeUrl(url)
                            .setValue(com.google.protobuf.ByteString.copyFrom(e.msgBytes)).build()));
        } catch (InvalidProtocolBufferException ex) {
            throw new IllegalStateException("corrupt prepared tx of setup " + e.setupRequestId, ex);
        }
    }

    @Override
    public Uni<Boolean> hasLiveTx(String setupRequestId, String kind) {
        boolean unjail = network.omniphi.chain.domain.model.UnjailMsg.KIND.equals(kind);
        return contexts.run(() -> Panache.withSession(() -> TrackedTxEntity
                .count("setupRequestId = ?1 and kind = ?2 and status in (?3, ?4)", setupRequestId, kind,
                        TrackedTxEntity.SUBMITTED, unjail ? TrackedTxEntity.SUBMITTED : TrackedTxEntity.CONFIRMED)
                .map(n -> n > 0)));
    }

    @Override
    public Uni<Optional<TrackedTx>> trackedTx(String txHash) {
        return contexts.run(() -> Panache.withSession(() -> TrackedTxEntity.<TrackedTxEntity>findById(txHash)
                .map(e -> Optional.ofNullable(e).map(PanacheSetupTxStore::toDomain))));
    }

    @Override
    public Uni<Boolean> submitted(TrackedTx tx) {
        return contexts.run(() -> Panache.withTransaction(() -> TrackedTxEntity.<TrackedTxEntity>findById(tx.txHash())
                .flatMap(existing -> existing != null ? Uni.createFrom().item(false) : insert(tx))))
                // a concurrent duplicate broadcast of the same TxRaw inserted it first: that one emitted tx_submitted
                .onFailure(e -> isUniqueViolation(e)).recoverWithUni(e -> trackedTx(tx.txHash())
                        .map(found -> {
                            if (found.isEmpty()) {
                                throw new IllegalStateException("tx " + tx.txHash() + " could not be recorded", e);
                            }
                            return false;
                        }));
    }

    private Uni<Boolean> insert(TrackedTx tx) {
        TrackedTxEntity e = new TrackedTxEntity();
        e.txHash = tx.txHash();
        e.setupRequestId = tx.setupRequestId();
        e.operatorAddress = tx.operatorAddress();
        e.walletAddress = tx.walletAddress();
        e.sequence = tx.sequence();
        e.timeoutHeight = tx.timeoutHeight();
        e.kind = tx.kind();
        e.status = TrackedTxEntity.SUBMITTED;
        e.submittedAt = tx.submittedAt();
        e.updatedAt = tx.submittedAt();
        return e.persist().flatMap(ignored -> emit(tx.setupRequestId(), tx.operatorAddress(),
                List.of(new ValidatorChange.TxSubmitted(tx.txHash())))).replaceWith(true);
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException
                    || t.getMessage() != null && t.getMessage().contains("duplicate key")) {
                return true;
            }
        }
        return false;
    }

    private static TrackedTx toDomain(TrackedTxEntity e) {
        return new TrackedTx(e.txHash, e.setupRequestId, e.operatorAddress, e.submittedAt, e.walletAddress,
                e.sequence, e.timeoutHeight, e.kind);
    }

    @Override
    public Uni<List<TrackedTx>> pendingTxs(int limit) {
        return contexts.run(() -> Panache.withSession(() -> TrackedTxEntity
                .<TrackedTxEntity>find("status", Sort.by("submittedAt"), TrackedTxEntity.SUBMITTED)
                .page(0, limit).list()
                .map(list -> list.stream().map(PanacheSetupTxStore::toDomain).toList())));
    }

    @Override
    public Uni<Void> confirmed(TrackedTx tx, TxResult result) {
        return contexts.run(() -> Panache.withTransaction(() -> settle(tx, TrackedTxEntity.CONFIRMED,
                result.height(), 0, "", result.rawLog(), null)
                .flatMap(settled -> !settled
                        ? Uni.createFrom().voidItem()
                        : startTracking(tx)
                                .flatMap(ignored -> emit(tx.setupRequestId(), tx.operatorAddress(),
                                        List.of(new ValidatorChange.TxConfirmed(tx.txHash(), result.height())))))));
    }

    @Override
    public Uni<Void> failed(TrackedTx tx, ValidatorChange.TxFailed failure, Instant at) {
        return contexts.run(() -> Panache.withTransaction(() -> settle(tx, TrackedTxEntity.FAILED, null,
                failure.code(), failure.codespace(), failure.rawLog(), failure.errorCode())
                .flatMap(settled -> settled
                        ? emit(tx.setupRequestId(), tx.operatorAddress(), List.of(failure))
                        : Uni.createFrom().voidItem())));
    }

    /**
     * Settles a tx that is still submitted (row locked, compare-and-set): a second tracker round or a second replica
     * that saw the same tx finds it settled and emits nothing.
     */
    private Uni<Boolean> settle(TrackedTx tx, String status, Long height, int code, String codespace, String log,
            String errorCode) {
        return TrackedTxEntity.<TrackedTxEntity>findById(tx.txHash(), LockModeType.PESSIMISTIC_WRITE).flatMap(e -> {
            if (e == null || !TrackedTxEntity.SUBMITTED.equals(e.status)) {
                return Uni.createFrom().item(false);
            }
            e.status = status;
            e.height = height;
            e.code = code;
            e.codespace = codespace;
            e.rawLog = log;
            e.errorCode = errorCode;
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
