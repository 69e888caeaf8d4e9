package network.omniphi.gateway.domain;

import java.time.Instant;

/** What the chain says about a setup's validator, kept from chain events. */
public record ChainInfo(String operatorAddress, boolean isActiveValidator, long votingPower, boolean jailed,
        String txHash, Instant updatedAt) {

    public static ChainInfo none() {
        return new ChainInfo(null, false, 0, false, null, null);
    }
}
