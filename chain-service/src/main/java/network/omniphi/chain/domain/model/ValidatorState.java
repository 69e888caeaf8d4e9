package network.omniphi.chain.domain.model;

import java.math.BigInteger;

/** A validator as the staking module reports it; {@code consensusPubkey} is base64 of the ed25519 key. */
public record ValidatorState(String operatorAddress, String consensusPubkey, boolean jailed, BondStatus status,
        BigInteger tokens, CommissionRates commission, String moniker) {

    /** Voting power: tokens divided by the power reduction, only while bonded (CometBFT sees nothing else). */
    public long votingPower(BigInteger powerReduction) {
        return status == BondStatus.BONDED ? tokens.divide(powerReduction).longValueExact() : 0L;
    }

    public boolean active() {
        return status == BondStatus.BONDED && !jailed;
    }
}
