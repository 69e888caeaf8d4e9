package network.omniphi.gateway.infra;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.hibernate.exception.ConstraintViolationException;

import io.smallrye.mutiny.Uni;

import network.omniphi.gateway.domain.ChainInfo;
import network.omniphi.gateway.domain.GatewayException;
import network.omniphi.gateway.domain.SetupRequest;
import network.omniphi.gateway.domain.SetupStore;
import network.omniphi.gateway.domain.ValidatorNode;
import network.omniphi.gateway.domain.link.ConsensusKeyLinkService;

/** {@link SetupStore} on Hibernate Reactive Panache. Call inside a session or transaction. */
@ApplicationScoped
public class PanacheSetupStore implements SetupStore {

    private static final List<String> FINISHED = List.of("stopped", "failed");

    private final Clock clock;

    public PanacheSetupStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Uni<Void> insert(SetupRequest setup) {
        SetupRequestEntity e = new SetupRequestEntity();
        EntityMapper.copy(setup, e);
        return e.persistAndFlush().replaceWithVoid()
                .onFailure(ConstraintViolationException.class)
                .transform(t -> new GatewayException.SetupConflict("wallet-has-live-setup",
                        "This wallet already has a setup that is not stopped or failed; a wallet can operate one validator."));
    }

    @Override
    public Uni<SetupRequest> lock(UUID id) {
        return SetupRequestEntity.<SetupRequestEntity>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .map(e -> e == null ? null : EntityMapper.toDomain(e));
    }

    @Override
    public Uni<Void> update(SetupRequest setup) {
        return SetupRequestEntity.<SetupRequestEntity>findById(setup.id()).flatMap(e -> {
            EntityMapper.copy(setup, e);
            return e.persist().replaceWithVoid();
        });
    }

    @Override
    public Uni<Boolean> hasLiveSetup(String walletAddress) {
        return SetupRequestEntity.count("walletAddress = ?1 and status not in ?2", walletAddress, FINISHED)
                .map(n -> n > 0);
    }

    @Override
    public Uni<Boolean> keyLinkedElsewhere(String consensusPubkey, UUID setupId) {
        return SetupRequestEntity.count("consensusPubkey = ?1 and id <> ?2 and runMode = 'local' and status not in ?3",
                consensusPubkey, setupId, FINISHED).map(n -> n > 0);
    }

    @Override
    public Uni<Void> linkKey(SetupRequest setup) {
        return SetupRequestEntity.<SetupRequestEntity>findById(setup.id()).flatMap(e -> {
            EntityMapper.copy(setup, e);
            return e.persistAndFlush().replaceWithVoid();
        }).onFailure(ConstraintViolationException.class)
                .transform(t -> ConsensusKeyLinkService.linkedElsewhere());
    }

    @Override
    public Uni<ValidatorNode> node(UUID setupRequestId) {
        return ValidatorNodeEntity.<ValidatorNodeEntity>find("setupRequestId", setupRequestId).firstResult()
                .map(EntityMapper::toDomain);
    }

    @Override
    public Uni<Void> saveNode(ValidatorNode node, Instant eventAt) {
        return ValidatorNodeEntity.<ValidatorNodeEntity>find("setupRequestId", node.setupRequestId()).firstResult()
                .flatMap(existing -> {
                    Instant now = clock.instant();
                    ValidatorNodeEntity e = existing != null ? existing : new ValidatorNodeEntity();
                    if (existing == null) {
                        e.createdAt = now;
                    }
                    EntityMapper.copy(node, e);
                    if (existing != null) {
                        e.id = existing.id;
                    }
                    e.lastEventAt = eventAt;
                    e.updatedAt = now;
                    return e.persist().replaceWithVoid();
                });
    }

    @Override
    public Uni<Instant> lastNodeEventAt(UUID setupRequestId) {
        return ValidatorNodeEntity.<ValidatorNodeEntity>find("setupRequestId", setupRequestId).firstResult()
                .map(e -> e == null ? null : e.lastEventAt);
    }

    @Override
    public Uni<ChainInfo> chainInfo(UUID setupRequestId) {
        return ChainInfoEntity.<ChainInfoEntity>findById(setupRequestId).map(EntityMapper::toDomain);
    }

    @Override
    public Uni<Void> saveChainInfo(UUID setupRequestId, ChainInfo info, Instant eventAt) {
        return ChainInfoEntity.<ChainInfoEntity>findById(setupRequestId).flatMap(existing -> {
            ChainInfoEntity e = existing != null ? existing : new ChainInfoEntity();
            e.setupRequestId = setupRequestId;
            e.operatorAddress = info.operatorAddress();
            e.activeValidator = info.isActiveValidator();
            e.votingPower = info.votingPower();
            e.jailed = info.jailed();
            e.txHash = info.txHash();
            e.lastEventAt = eventAt;
            e.updatedAt = clock.instant();
            return e.persist().replaceWithVoid();
        });
    }

    @Override
    public Uni<Instant> lastChainEventAt(UUID setupRequestId) {
        return ChainInfoEntity.<ChainInfoEntity>findById(setupRequestId).map(e -> e == null ? null : e.lastEventAt);
    }
}
