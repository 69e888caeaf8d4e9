package network.omniphi.gateway.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * No setup stays in a transitional status forever (docs/adr/0007-overdue-setup-sweep.md). A setup past its status'
 * deadline is re-driven, one re-drive interval apart: {@code pending} and {@code provisioning} cloud setups by
 * re-sending the setup request (the provisioner answers a re-sent request with the node's current state, creating it
 * if it never got the first), {@code stopping} by re-sending the stop (answered with {@code stopped} once the node is
 * gone), {@code tx_submitted} by asking chain-service for the validator on chain. Only when the configured re-drives
 * changed nothing is it failed, with a reason that says what did not happen: a cloud setup that never got its node is
 * failed and its node (if one was made meanwhile) stopped; a stop that is never confirmed fails the setup (the stop
 * stays on its topic and the provisioner carries it out when it is back); a tx whose outcome never arrives returns the
 * setup to {@code ready_for_chain_tx} like a failed tx, so the owner can sign again.
 */
@ApplicationScoped
public class OverdueSweep {

    private static final Logger LOG = Logger.getLogger(OverdueSweep.class);

    /** What one round did, and how many setups were overdue when it started (per transitional status). */
    public record Round(int redriven, int failed, Map<SetupStatus, Long> overdue) {
    }

    private final OverdueSetups overdue;
    private final SetupStore store;
    private final SetupEventPublisher events;
    private final ChainGateway chain;
    private final StatusProjection projection;
    private final Transactions tx;
    private final OverdueDeadlines deadlines;
    private final Clock clock;

    public OverdueSweep(OverdueSetups overdue, SetupStore store, SetupEventPublisher events, ChainGateway chain,
            StatusProjection projection, Transactions tx, OverdueDeadlines deadlines, Clock clock) {
        this.overdue = overdue;
        this.store = store;
        this.events = events;
        this.chain = chain;
        this.projection = projection;
        this.tx = tx;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** One round: counts the overdue setups, then re-drives or fails those due (row-locked, skipping locked rows). */
    public Uni<Round> sweep() {
        Instant now = clock.instant();
        List<SetupRequest> requery = new ArrayList<>();
        return tx.inSession(() -> overdue.countOverdue(deadlines, now))
                .flatMap(counts -> tx.inTransaction(() -> overdue.claim(deadlines, now)
                        .flatMap(claimed -> Multi.createFrom().iterable(claimed)
                                .onItem().transformToUniAndConcatenate(o -> handle(o, now, requery))
                                .collect().asList()))
                        .flatMap(outcomes -> requeryTxs(requery).replaceWith(new Round(
                                (int) outcomes.stream().filter(failed -> !failed).count(),
                                (int) outcomes.stream().filter(failed -> failed).count(), counts))));
    }

    /** Re-drives the setup, or fails it once its re-drives are used up; true when it was failed. */
    private Uni<Boolean> handle(OverdueSetup o, Instant now, List<SetupRequest> requery) {
        SetupRequest setup = o.setup();
        if (o.redrives() >= deadlines.redrives()) {
            String reason = reason(setup, o.redrives());
            LOG.warnf("setup %s overdue in %s after %d re-drives: %s", setup.id(), setup.status().wire(),
                    o.redrives(), reason);
            return fail(setup, reason, now).replaceWith(true);
        }
        int attempt = o.redrives() + 1;
        LOG.infof("setup %s overdue in %s since %s: re-drive %d of %d", setup.id(), setup.status().wire(),
                setup.updatedAt(), attempt, deadlines.redrives());
        Uni<Void> redrive = switch (setup.status()) {
            case PENDING, PROVISIONING -> events.setupRequestedAgain(setup, attempt);
            case STOPPING -> events.stopRequestedAgain(setup, attempt);
            case TX_SUBMITTED -> {
                requery.add(setup);
                yield Uni.createFrom().voidItem();
            }
            default -> Uni.createFrom().voidItem();
        };
        return redrive.flatMap(v -> overdue.redriven(setup.id(), setup.status(), attempt, now)).replaceWith(false);
    }

    private Uni<Void> fail(SetupRequest setup, String reason, Instant now) {
        SetupRequest withReason = SetupRequestCopies.withFailure(setup, reason);
        return switch (setup.status()) {
            case TX_SUBMITTED -> store.update(
                    SetupRequestCopies.withStatus(withReason, SetupStatus.READY_FOR_CHAIN_TX, now));
            case STOPPING -> store.update(SetupRequestCopies.withStatus(withReason, SetupStatus.FAILED, now));
            default -> {
                SetupRequest failed = SetupRequestCopies.withStatus(withReason, SetupStatus.FAILED, now);
                // whatever the provisioner made for it meanwhile must not keep running
                yield store.update(failed).flatMap(v -> failed.runMode() == RunMode.CLOUD
                        ? events.stopRequested(failed)
                        : Uni.createFrom().voidItem());
            }
        };
    }

    /** Asks the chain (through chain-service) for each setup's validator; one found settles its tx_submitted. */
    private Uni<Void> requeryTxs(List<SetupRequest> setups) {
        return Multi.createFrom().iterable(setups).onItem().transformToUniAndConcatenate(s -> chain
                .validator(s.operatorAddress(), s.walletAddress())
                .flatMap(found -> found.isEmpty()
                        ? Uni.createFrom().item(false)
                        : tx.inTransaction(() -> projection.apply(new StatusEvent.ValidatorState(UUID.randomUUID(),
                                s.id(), clock.instant(), found.get().operatorAddress(),
                                found.get().isActiveValidator(), found.get().votingPower(), found.get().jailed()))))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("setup %s: re-querying its validator failed, next re-drive tries again: %s", s.id(),
                            e.getMessage());
                    return false;
                }))
                .collect().asList().replaceWithVoid();
    }

    private String reason(SetupRequest s, int redrives) {
        String within = human(deadlines.of(s.status()).orElse(Duration.ZERO)
                .plus(deadlines.redriveInterval().multipliedBy(redrives)));
        return switch (s.status()) {
            case PENDING -> "The provisioner did not take up the setup within " + within + " (request re-sent "
                    + redrives + " times). The setup was failed and anything made for it is stopped; create a new"
                    + " setup to try again.";
            case PROVISIONING -> "The node was not provisioned within " + within + " (state re-checked " + redrives
                    + " times). The setup was failed and its node is stopped; create a new setup to try again.";
            case STOPPING -> "The provisioner did not confirm the stop within " + within + " (stop re-sent "
                    + redrives + " times). The stop stays queued and is carried out when the provisioner is back.";
            default -> "Transaction " + (s.txHash() == null ? "" : s.txHash() + " ")
                    + "was not confirmed within " + within + " and the chain shows no validator for this wallet"
                    + " (re-queried " + redrives + " times). Sign and broadcast the transaction again.";
        };
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 ? (s / 60) + " min" : s + " s";
    }
}
