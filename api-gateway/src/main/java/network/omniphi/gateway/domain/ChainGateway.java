package network.omniphi.gateway.domain;

import io.smallrye.mutiny.Uni;

/** Port: the chain service. Failures arrive as {@link GatewayException}s (400/409/422/503/504). */
public interface ChainGateway {

    Uni<UnsignedCreateValidatorTx> buildCreateValidatorTx(SetupRequest setup, ValidatorNode node, byte[] signerPubKey,
            CreateValidatorTxCommand cmd);

    Uni<BroadcastResult> broadcast(SetupRequest setup, byte[] txBytes);

    /** MsgUnjail sign docs for the setup's validator (same shape as create-validator-tx, preflight = jail budget). */
    Uni<UnsignedCreateValidatorTx> buildUnjailTx(SetupRequest setup, ValidatorNode node, byte[] signerPubKey,
            String signMode);

    /** The validator's live jail budget; empty when it has none or the chain service does not answer quickly. */
    Uni<java.util.Optional<JailBudget>> jailBudget(String operatorAddress);

    /**
     * The validator of an operator address (or, when that is empty, of the wallet's operator address) as the chain
     * shows it now; empty when the chain has none. Only operator address, standing and power are filled in.
     */
    Uni<java.util.Optional<ChainInfo>> validator(String operatorAddress, String walletAddress);
}
