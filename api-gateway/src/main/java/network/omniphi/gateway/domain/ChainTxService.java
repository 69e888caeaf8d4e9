package network.omniphi.gateway.domain;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import network.omniphi.commons.error.FieldError;

/**
 * Builds the unsigned MsgCreateValidator for a setup that is ready for it, and broadcasts the wallet-signed tx. The
 * status moves to {@code tx_submitted} and beyond through the chain service's events, never from here.
 */
@ApplicationScoped
public class ChainTxService {

    private static final int MAX_TX_BYTES = 64 * 1024;

    private final SetupViews views;
    private final WalletKeys walletKeys;
    private final ChainGateway chain;
    private final String bondDenom;

    public ChainTxService(SetupViews views, WalletKeys walletKeys, ChainGateway chain, ChainSettings settings) {
        this.views = views;
        this.walletKeys = walletKeys;
        this.chain = chain;
        this.bondDenom = settings.bondDenom();
    }

    public Uni<UnsignedCreateValidatorTx> build(UUID setupId, CreateValidatorTxCommand cmd) {
        List<FieldError> invalid = ChainTxRules.check(cmd, bondDenom);
        if (!invalid.isEmpty()) {
            return Uni.createFrom().failure(new GatewayException.InvalidRequest(invalid));
        }
        return views.view(setupId)
                .onItem().ifNull().failWith(() -> new GatewayException.SetupNotFound(setupId.toString()))
                .flatMap(view -> {
                    SetupRequest setup = view.setupRequest();
                    List<FieldError> errors = ChainTxRules.checkAgainst(cmd, setup.commissionRate());
                    if (!errors.isEmpty()) {
                        return Uni.createFrom().failure(new GatewayException.InvalidRequest(errors));
                    }
                    requireReady(setup);
                    return walletKeys.find(setup.walletAddress())
                            .onItem().ifNull().failWith(() -> new GatewayException.SetupConflict("wallet-key-unknown",
                                    "The wallet's public key is not known yet: sign in with the wallet first."))
                            .flatMap(key -> chain.buildCreateValidatorTx(setup, view.node(), key, cmd));
                });
    }

    public Uni<BroadcastResult> broadcast(UUID setupId, byte[] txBytes) {
        if (txBytes == null || txBytes.length == 0 || txBytes.length > MAX_TX_BYTES) {
            return Uni.createFrom().failure(new GatewayException.InvalidRequest(
                    List.of(new FieldError("txBytes", "is required: base64 of a TxRaw of at most 64 KiB"))));
        }
        return views.view(setupId)
                .onItem().ifNull().failWith(() -> new GatewayException.SetupNotFound(setupId.toString()))
                .flatMap(view -> {
                    requireBroadcastable(view.setupRequest());
                    return chain.broadcast(view.setupRequest(), txBytes);
                });
    }

    /**
     * Broadcast is idempotent (DESIGN.md): the same signed tx sent again after it moved the setup on (tx_submitted,
     * active) answers the same txHash, and an unjail tx is sent while the setup is inactive. The chain service accepts
     * only the tx it prepared for this setup, so the gateway refuses only setups that never had a chain tx.
     */
    private static void requireBroadcastable(SetupRequest setup) {
        boolean chainStage = switch (setup.status()) {
            case READY_FOR_CHAIN_TX, TX_SUBMITTED, ACTIVE, INACTIVE -> true;
            default -> false;
        };
        if (!chainStage || setup.consensusPubkey() == null) {
            throw new GatewayException.SetupConflict("setup-not-ready-for-chain-tx",
                    "The setup is " + setup.status().wire()
                            + "; a signed tx can be broadcast only once it is ready_for_chain_tx.");
        }
    }

    /**
     * MsgUnjail for the setup's validator. The gateway refuses what it knows: the setup has no validator
     * ({@code setup-has-no-validator}) or its node is not running ({@code node-not-healthy}: unjailing a validator
     * whose node cannot sign only gets it jailed again); the chain service refuses the rest from the chain
     * ({@code validator-not-jailed}, {@code still-jailed} before jailed_until, {@code validator-tombstoned},
     * {@code node-not-synced}).
     */
    public Uni<UnsignedCreateValidatorTx> buildUnjail(UUID setupId, String signMode) {
        if (signMode != null && !signMode.equals("direct") && !signMode.equals("amino")) {
            return Uni.createFrom().failure(new GatewayException.InvalidRequest(
                    List.of(new FieldError("signMode", "must be 'direct' or 'amino'"))));
        }
        return views.view(setupId)
                .onItem().ifNull().failWith(() -> new GatewayException.SetupNotFound(setupId.toString()))
                .flatMap(view -> {
                    SetupRequest setup = view.setupRequest();
                    if ((setup.status() != SetupStatus.ACTIVE && setup.status() != SetupStatus.INACTIVE)
                            || setup.operatorAddress() == null) {
                        throw new GatewayException.SetupConflict("setup-has-no-validator", "The setup is "
                                + setup.status().wire() + "; only a setup whose validator exists (active or inactive)"
                                + " can be unjailed.");
                    }
                    ValidatorNode node = view.node();
                    if (node == null || node.status() != NodeStatus.RUNNING) {
                        throw new GatewayException.SetupConflict("node-not-healthy", "The validator's node is "
                                + (node == null ? "unknown" : node.status().wire()) + "; start it and wait until it"
                                + " is running and in sync, or the validator is jailed again right away.");
                    }
                    return walletKeys.find(setup.walletAddress())
                            .onItem().ifNull().failWith(() -> new GatewayException.SetupConflict("wallet-key-unknown",
                                    "The wallet's public key is not known yet: sign in with the wallet first."))
                            .flatMap(key -> chain.buildUnjailTx(setup, node, key, signMode));
                });
    }

    /** The live jail budget of every setup that has a validator, fetched concurrently. */
    public Uni<java.util.Map<UUID, JailBudget>> jailBudgets(List<SetupView> views) {
        List<SetupView> withValidator = views.stream()
                .filter(v -> v.setupRequest().operatorAddress() != null).toList();
        if (withValidator.isEmpty()) {
            return Uni.createFrom().item(java.util.Map.of());
        }
        return Uni.join().all(withValidator.stream().map(v -> chain.jailBudget(v.setupRequest().operatorAddress())
                .map(b -> java.util.Map.entry(v.setupRequest().id(), b))).toList()).andFailFast()
                .map(entries -> {
                    java.util.Map<UUID, JailBudget> out = new java.util.HashMap<>();
                    entries.forEach(e -> e.getValue().ifPresent(b -> out.put(e.getKey(), b)));
                    return out;
                });
    }

    private static void requireReady(SetupRequest setup) {
        if (setup.status() != SetupStatus.READY_FOR_CHAIN_TX || setup.consensusPubkey() == null) {
            throw new GatewayException.SetupConflict("setup-not-ready-for-chain-tx",
                    "The setup is " + setup.status().wire()
                            + "; a validator can be created only when it is ready_for_chain_tx.");
        }
    }
}
