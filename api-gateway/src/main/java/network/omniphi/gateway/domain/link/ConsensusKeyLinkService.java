package network.omniphi.gateway.domain.link;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import network.omniphi.gateway.domain.GatewayException;
import network.omniphi.gateway.domain.RunMode;
import network.omniphi.gateway.domain.SetupEventPublisher;
import network.omniphi.gateway.domain.SetupRequest;
import network.omniphi.gateway.domain.SetupRequestCopies;
import network.omniphi.gateway.domain.SetupStatus;
import network.omniphi.gateway.domain.SetupStore;
import network.omniphi.gateway.domain.Transactions;

/**
 * Use case: the owner links the node's consensus key to a pending local setup. The proof is checked first (stateless:
 * the canonical document names the chain, the setup and the caller's wallet, and only the owner gets this far), then,
 * in one transaction with the setup row locked: 404, 403, idempotent re-link, 409 unless a pending local setup, 409
 * when the key is linked to another live setup (also enforced by the unique index on live setups' keys), then the
 * key is stored and {@code ConsensusKeyLinked} is enqueued in the outbox.
 */
@ApplicationScoped
public class ConsensusKeyLinkService {

    private final SetupStore store;
    private final SetupEventPublisher events;
    private final Transactions tx;
    private final LinkSettings settings;
    private final Clock clock;

    public ConsensusKeyLinkService(SetupStore store, SetupEventPublisher events, Transactions tx,
            LinkSettings settings, Clock clock) {
        this.store = store;
        this.events = events;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
    }

    public Uni<SetupRequest> link(UUID setupId, String caller, ConsensusKeyProof proof) {
        if (!proof.verifies(settings.chainId(), setupId, caller)) {
            return Uni.createFrom().failure(new GatewayException.LinkProofInvalid("The signature does not verify with"
                    + " consensusPubkey over the canonical link document of chain " + settings.chainId()
                    + ", this setup and your wallet."));
        }
        return tx.inTransaction(() -> store.lock(setupId)
                .onItem().ifNull().failWith(() -> new GatewayException.SetupNotFound(setupId.toString()))
                .flatMap(setup -> linkLocked(setup, caller, proof.consensusPubkey())));
    }

    private Uni<SetupRequest> linkLocked(SetupRequest setup, String caller, String key) {
        if (!setup.walletAddress().equals(caller)) {
            return Uni.createFrom().failure(new GatewayException.Forbidden("This setup belongs to another wallet."));
        }
        boolean local = setup.runMode() == RunMode.LOCAL;
        if (local && !setup.status().isTerminal() && key.equals(setup.consensusPubkey())) {
            return Uni.createFrom().item(setup); // the same link again: nothing changes, no event
        }
        if (!local || setup.status() != SetupStatus.PENDING) {
            return Uni.createFrom().failure(new GatewayException.SetupConflict("setup-not-linkable",
                    "Only a pending local setup can link a consensus key; this setup is " + setup.runMode().wire()
                            + " and " + setup.status().wire() + "."));
        }
        return store.keyLinkedElsewhere(key, setup.id()).flatMap(elsewhere -> {
            if (elsewhere) {
                return Uni.createFrom().failure(linkedElsewhere());
            }
            SetupRequest linked = SetupRequestCopies.withStatus(SetupRequestCopies.withKey(setup, key), setup.status(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS)); // as stored, so a re-link answers the same
            return store.linkKey(linked).flatMap(v -> events.consensusKeyLinked(linked)).replaceWith(linked);
        });
    }

    /** The 409 for a key that another live setup holds (also what the unique index violation maps to). */
    public static GatewayException linkedElsewhere() {
        return new GatewayException.SetupConflict("consensus-key-linked-elsewhere",
                "This consensus key is linked to another setup that is not stopped or failed; stop that setup first.");
    }
}
