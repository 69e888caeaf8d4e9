package network.omniphi.gateway.domain;

import io.smallrye.mutiny.Uni;

/** Port: the chain service. Failures arrive as {@link GatewayException}s (400/409/422/503/504). */
public interface ChainGateway {

    Uni<UnsignedCreateValidatorTx> buildCreateValidatorTx(SetupRequest setup, ValidatorNode node, byte[] signerPubKey,
            CreateValidatorTxCommand cmd);

    Uni<BroadcastResult> broadcast(SetupRequest setup, byte[] txBytes);
}
