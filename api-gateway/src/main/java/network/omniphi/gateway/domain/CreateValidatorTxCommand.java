package network.omniphi.gateway.domain;

/**
 * What the wallet asks to be built for a setup. Amounts are integer strings, rates decimal strings; checked by
 * {@link ChainTxRules} before anything reaches the chain service.
 */
public record CreateValidatorTxCommand(String selfDelegationDenom, String selfDelegationAmount, String maxRate,
        String maxChangeRate, String minSelfDelegation, String signMode, String identity, String securityContact) {
}
