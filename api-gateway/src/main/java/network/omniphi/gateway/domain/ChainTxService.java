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
                    requireReady(view.setupRequest());
                    return chain.broadcast(view.setupRequest(), txBytes);
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
