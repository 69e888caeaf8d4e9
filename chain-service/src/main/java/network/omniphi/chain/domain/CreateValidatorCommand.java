package network.omniphi.chain.domain;

import java.math.BigInteger;

import network.omniphi.chain.domain.model.Coin;
import network.omniphi.chain.domain.model.CommissionRates;
import network.omniphi.chain.domain.model.CreateValidatorMsg;
import network.omniphi.chain.domain.model.Description;
import network.omniphi.chain.domain.model.SignMode;

/** A create-validator request that passed every stateless check. */
public record CreateValidatorCommand(String setupRequestId, String walletAddress, String operatorAddress,
        byte[] signerPubkey, Description description, CommissionRates commission, BigInteger minSelfDelegation,
        Coin selfDelegation, String consensusPubkey, String nodeRpcEndpoint, SignMode signMode) {

    public CreateValidatorMsg toMsg() {
        return new CreateValidatorMsg(description, commission, minSelfDelegation, operatorAddress, consensusPubkey,
                selfDelegation);
    }
}
