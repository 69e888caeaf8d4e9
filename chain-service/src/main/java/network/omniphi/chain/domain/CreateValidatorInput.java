package network.omniphi.chain.domain;

import network.omniphi.chain.domain.model.SignMode;

/** The raw request, as the gateway sends it (strings as typed; parsed and checked by {@link InputRules}). */
public record CreateValidatorInput(String setupRequestId, String walletAddress, byte[] signerPubkey, String moniker,
        String website, String details, String identity, String securityContact, String commissionRate,
        String maxRate, String maxChangeRate, String minSelfDelegation, String selfDelegationDenom,
        String selfDelegationAmount, String consensusPubkey, String nodeRpcEndpoint, SignMode signMode) {
}
