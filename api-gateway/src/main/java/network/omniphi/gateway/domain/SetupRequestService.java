package network.omniphi.gateway.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import network.omniphi.commons.error.FieldError;

/** Use cases of setup requests: create, read, list by wallet, stop. */
@ApplicationScoped
public class SetupRequestService {

    private final SetupStore store;
    private final SetupViews views;
    private final SetupEventPublisher events;
    private final Transactions tx;
    private final SetupPolicy policy;
    private final IdempotencyKeys keys;
    private final Clock clock;

    public SetupRequestService(SetupStore store, SetupViews views, SetupEventPublisher events, Transactions tx,
            SetupPolicy policy, IdempotencyKeys keys, Clock clock) {
        this.store = store;
        this.views = views;
        this.events = events;
        this.tx = tx;
        this.policy = policy;
        this.keys = keys;
        this.clock = clock;
    }

    /** A created setup, or the setup an earlier request with the same Idempotency-Key created ({@code replayed}). */
    public record Created(SetupRequest setup, boolean replayed) {
    }

    /** Validates, then writes the setup and its SetupRequested event in one transaction. */
    public Uni<SetupRequest> create(NewSetup cmd) {
        return create(cmd, null).map(Created::setup);
    }

    /**
     * Like {@link #create(NewSetup)}; with an idempotency key (already parsed by {@link IdempotencyKey#parse}) the key
     * is recorded in the setup's transaction, and a retry with the same key and the same request answers the setup the
     * first request created instead of a 409. The same key with a different request is a 422
     * {@code idempotency-key-reused}. Concurrent requests with one key: one inserts, the other loses on the key's
     * primary key and then answers the winner's setup.
     */
    public Uni<Created> create(NewSetup cmd, String idempotencyKey) {
        List<FieldError> errors = SetupRules.check(cmd, policy);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new GatewayException.InvalidRequest(errors));
        }
        if (idempotencyKey == null) {
            return createChecked(cmd, null).map(s -> new Created(s, false));
        }
        String fingerprint = IdempotencyKey.fingerprint(cmd, SetupRules.resolveProvider(cmd, policy));
        return keys.find(cmd.walletAddress(), idempotencyKey).flatMap(found -> found != null
                ? replay(found, fingerprint)
                : createChecked(cmd, s -> keys.record(s.walletAddress(), idempotencyKey, fingerprint, s.id()))
                        .map(s -> new Created(s, false))
                        .onFailure(GatewayException.SetupConflict.class)
                        .recoverWithUni(conflict -> keys.find(cmd.walletAddress(), idempotencyKey)
                                .flatMap(winner -> winner == null
                                        ? Uni.createFrom().failure(conflict)
                                        : replay(winner, fingerprint))));
    }

    private Uni<Created> replay(IdempotencyKeys.Recorded found, String fingerprint) {
        if (!found.fingerprint().equals(fingerprint)) {
            return Uni.createFrom().failure(new GatewayException.RuleViolation("idempotency-key-reused",
                    "This Idempotency-Key was used for a different request; use a new key for a new request.",
                    List.of(new FieldError(IdempotencyKey.HEADER, "was used for a different request"))));
        }
        return get(found.setupRequestId()).map(v -> new Created(v.setupRequest(), true));
    }

    private Uni<SetupRequest> createChecked(NewSetup cmd,
            java.util.function.Function<SetupRequest, Uni<Void>> alsoInTransaction) {
        if (SetupRules.commission(cmd.commissionRate()).compareTo(policy.minCommissionRate()) < 0) {
            return Uni.createFrom().failure(new GatewayException.RuleViolation("commission-below-minimum",
                    "The chain's minimum commission rate is "
                            + policy.minCommissionRate().stripTrailingZeros().toPlainString()
                            + ".",
                    List.of(new FieldError("commissionRate", "must be at least "
                            + policy.minCommissionRate().stripTrailingZeros().toPlainString()))));
        }
        SetupRequest setup = newSetup(cmd);
        return tx.inTransaction(() -> store.hasLiveSetup(setup.walletAddress())
                .flatMap(live -> live ? Uni.createFrom().failure(walletBusy()) : persist(setup))
                .call(s -> alsoInTransaction == null ? Uni.createFrom().voidItem() : alsoInTransaction.apply(s)));
    }

    /** The setup with its node and chain info, in one read; 404 when absent. Ownership is the caller's to check. */
    public Uni<SetupView> get(UUID id) {
        return views.view(id).onItem().ifNull()
                .failWith(() -> new GatewayException.SetupNotFound(id.toString()));
    }

    /** The wallet that owns a setup, or null when there is none (ownership checks). */
    public Uni<String> ownerOf(UUID id) {
        return views.ownerOf(id);
    }

    public Uni<List<SetupView>> byWallet(String walletAddress) {
        List<FieldError> errors = new java.util.ArrayList<>();
        SetupRules.checkWallet(walletAddress, policy.accountPrefix(), "walletAddress", errors);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new GatewayException.InvalidRequest(errors));
        }
        return views.byWallet(walletAddress);
    }

    /** One page of the wallet's setups; {@code cursor} is the previous page's {@code nextCursor} (null: first page). */
    public Uni<WalletPage> byWalletPage(String walletAddress, Integer limit, String cursor) {
        List<FieldError> errors = new java.util.ArrayList<>();
        SetupRules.checkWallet(walletAddress, policy.accountPrefix(), "walletAddress", errors);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new GatewayException.InvalidRequest(errors));
        }
        int size = WalletPage.limit(limit);
        WalletPage.Cursor after = WalletPage.Cursor.decode(cursor);
        // one row more than asked tells whether another page follows, without a count query
        return views.byWallet(walletAddress, after, size + 1).map(rows -> {
            if (rows.size() <= size) {
                return new WalletPage(rows, null);
            }
            List<SetupView> page = rows.subList(0, size);
            SetupRequest last = page.get(size - 1).setupRequest();
            return new WalletPage(List.copyOf(page), new WalletPage.Cursor(last.createdAt(), last.id()).encode());
        });
    }

    /**
     * Stops a setup: cloud setups go to {@code stopping} until the provisioner reports the node stopped; local setups
     * stop at once (the user's machine runs the node). Stopping a stopped, stopping or failed setup is a conflict.
     */
    public Uni<SetupRequest> stop(UUID id) {
        return tx.inTransaction(() -> store.lock(id)
                .onItem().ifNull().failWith(() -> new GatewayException.SetupNotFound(id.toString()))
                .flatMap(this::requestStop));
    }

    private Uni<SetupRequest> requestStop(SetupRequest current) {
        if (current.status() == SetupStatus.STOPPING || current.status().isTerminal()) {
            return Uni.createFrom().failure(new GatewayException.SetupConflict("setup-not-stoppable",
                    "The setup is " + current.status().wire() + " and cannot be stopped."));
        }
        SetupStatus next = current.runMode() == RunMode.LOCAL ? SetupStatus.STOPPED : SetupStatus.STOPPING;
        SetupRequest stopped = SetupRequestCopies.withStatus(current, next, clock.instant());
        return store.update(stopped).flatMap(v -> events.stopRequested(stopped)).replaceWith(stopped);
    }

    private Uni<SetupRequest> persist(SetupRequest setup) {
        return store.insert(setup).flatMap(v -> events.setupRequested(setup)).replaceWith(setup);
    }

    private SetupRequest newSetup(NewSetup cmd) {
        Instant now = clock.instant();
        return new SetupRequest(UUID.randomUUID(), SetupStatus.PENDING, cmd.walletAddress(), cmd.validatorName(),
                cmd.website() == null ? "" : cmd.website(), cmd.description() == null ? "" : cmd.description(),
                SetupRules.commission(cmd.commissionRate()), RunMode.fromWire(cmd.runMode()),
                SetupRules.resolveProvider(cmd, policy), null, null, null, now, now, null, null);
    }

    private static GatewayException walletBusy() {
        return new GatewayException.SetupConflict("wallet-has-live-setup",
                "This wallet already has a setup that is not stopped or failed; a wallet can operate one validator.");
    }
}
