package network.omniphi.gateway.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/**
 * Keeps the setup status and the node/chain read models in step with events. Each event is applied under a row lock,
 * and only legal status moves are made: a replayed or late event never moves a setup backwards. The caller runs
 * {@link #apply} inside its transaction, once per event (the consumer's inbox, {@code EventIntake.consumeOnce}).
 */
@ApplicationScoped
public class StatusProjection {

    private static final Logger LOG = Logger.getLogger(StatusProjection.class);

    private final SetupStore store;
    private final Clock clock;

    public StatusProjection(SetupStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Applies the event (inside the caller's transaction); true when it changed something, false for unknown setups. */
    public Uni<Boolean> apply(StatusEvent event) {
        return store.lock(event.setupRequestId())
                .flatMap(setup -> setup == null
                        ? Uni.createFrom().item(false)
                        : applyTo(setup, event).replaceWith(true));
    }

    private Uni<Void> applyTo(SetupRequest setup, StatusEvent event) {
        if (event instanceof StatusEvent.NodeProvisioning e) {
            return node(setup, e, NodeStatus.PROVISIONING, null, null)
                    .flatMap(v -> move(setup, SetupStatus.PROVISIONING));
        }
        if (event instanceof StatusEvent.NodeProvisioned e) {
            return NodeUpdates.provisioned(store, e).flatMap(v -> keyAndReady(setup, e.consensusPubkey()));
        }
        if (event instanceof StatusEvent.NodeHealth e) {
            return node(setup, e, e.status(), e.blockHeight(), e.checkedAt());
        }
        if (event instanceof StatusEvent.NodeStopping e) {
            return node(setup, e, NodeStatus.STOPPING, null, null).flatMap(v -> move(setup, SetupStatus.STOPPING));
        }
        if (event instanceof StatusEvent.NodeStopped e) {
            return node(setup, e, NodeStatus.STOPPED, null, null)
                    .flatMap(v -> setup.status() == SetupStatus.STOPPING ? move(setup, SetupStatus.STOPPED) : done());
        }
        if (event instanceof StatusEvent.NodeFailed e) {
            // a stop accepted in any state ends in stopped: the provisioner answers every stop with a stopped event,
            // also for a node that failed first, so a stopping setup keeps the reason and waits for it
            SetupRequest withReason = SetupRequestCopies.withFailure(setup, e.reason());
            return node(setup, e, NodeStatus.FAILED, null, null)
                    .flatMap(v -> setup.status() == SetupStatus.STOPPING
                            ? store.update(withReason)
                            : move(withReason, SetupStatus.FAILED));
        }
        return applyChainOrHeartbeat(setup, event);
    }

    private Uni<Void> applyChainOrHeartbeat(SetupRequest setup, StatusEvent event) {
        if (event instanceof StatusEvent.TxSubmitted e) {
            return chain(e, e.operatorAddress(), e.txHash(), null, null, null).flatMap(v -> move(
                    SetupRequestCopies.withTx(setup, e.operatorAddress(), e.txHash()), SetupStatus.TX_SUBMITTED));
        }
        if (event instanceof StatusEvent.TxConfirmed e) {
            return chain(e, e.operatorAddress(), e.txHash(), null, null, null)
                    .flatMap(v -> store.update(SetupRequestCopies.withTx(setup, e.operatorAddress(), e.txHash())));
        }
        if (event instanceof StatusEvent.TxFailed e) {
            return switch (setup.status()) {
                case TX_SUBMITTED -> move(SetupRequestCopies.withFailure(setup, "Transaction " + e.txHash()
                        + " failed: " + e.reason()), SetupStatus.READY_FOR_CHAIN_TX);
                // the validator exists, so the failed tx is an unjail (the only tx broadcast for it): the setup keeps
                // its status and says what happened and what to do
                case INACTIVE -> store.update(SetupRequestCopies.withFailure(setup, "Unjail transaction " + e.txHash()
                        + " failed: " + e.reason() + ". The validator is still jailed; build and sign a new unjail"
                        + " transaction once the cause is fixed."));
                case ACTIVE -> store.update(SetupRequestCopies.withFailure(setup, "Unjail transaction " + e.txHash()
                        + " failed: " + e.reason() + "."));
                default -> done();
            };
        }
        if (event instanceof StatusEvent.ValidatorState e) {
            return chain(e, e.operatorAddress(), null, e.active(), e.votingPower(), e.jailed())
                    .flatMap(info -> validatorStanding(setup, info));
        }
        if (event instanceof StatusEvent.HeartbeatFirstSeen e) {
            if (setup.runMode() == RunMode.LOCAL && !e.consensusPubkey().equals(setup.consensusPubkey())) {
                // only the key the owner linked may move a local setup (DESIGN.md "Local mode key link")
                LOG.warnf("setup %s: ignoring first heartbeat of a consensus key that is not the linked one",
                        setup.id());
                return done();
            }
            return NodeUpdates.firstSeen(store, e, setup.provider())
                    .flatMap(v -> keyAndReady(setup, e.consensusPubkey()));
        }
        StatusEvent.HeartbeatLiveness e = (StatusEvent.HeartbeatLiveness) event;
        return node(setup, e, e.unhealthy() ? NodeStatus.UNHEALTHY : NodeStatus.RUNNING,
                e.blockHeight() > 0 ? e.blockHeight() : null, e.occurredAt());
    }

    private Uni<Void> node(SetupRequest setup, StatusEvent e, NodeStatus status, Long height, Instant checkedAt) {
        return NodeUpdates.status(store, e, setup.provider(), status, height, checkedAt);
    }

    private Uni<ChainInfo> chain(StatusEvent e, String operator, String txHash, Boolean active, Long power,
            Boolean jailed) {
        return ChainUpdates.merge(store, e, operator, txHash, active, power, jailed);
    }

    private Uni<Void> validatorStanding(SetupRequest setup, ChainInfo info) {
        if (setup.status() == SetupStatus.STOPPING || setup.status().isTerminal()) {
            return done();
        }
        boolean active = info.isActiveValidator() && !info.jailed();
        if (active && setup.status() == SetupStatus.INACTIVE && setup.failureReason() != null) {
            // back in the active set (unjailed): an earlier failure, such as a failed unjail tx, no longer stands
            return move(SetupRequestCopies.withFailure(setup, null), SetupStatus.ACTIVE);
        }
        return move(setup, active ? SetupStatus.ACTIVE : SetupStatus.INACTIVE);
    }

    private Uni<Void> keyAndReady(SetupRequest setup, String pubkey) {
        SetupRequest keyed = setup.consensusPubkey() == null ? SetupRequestCopies.withKey(setup, pubkey) : setup;
        return move(keyed, SetupStatus.READY_FOR_CHAIN_TX);
    }

    /** Moves the setup if the move is legal; otherwise stores the other changes and logs the skipped move. */
    private Uni<Void> move(SetupRequest setup, SetupStatus next) {
        if (setup.status().canMoveTo(next)) {
            return store.update(SetupRequestCopies.withStatus(setup, next, clock.instant()));
        }
        if (setup.status() != next) {
            LOG.debugf("setup %s: ignoring move %s -> %s", setup.id(), setup.status().wire(), next.wire());
        }
        return store.update(setup);
    }

    private static Uni<Void> done() {
        return Uni.createFrom().voidItem();
    }

    static UUID nodeId(UUID setupRequestId) {
        return UUID.nameUUIDFromBytes(("node:" + setupRequestId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
