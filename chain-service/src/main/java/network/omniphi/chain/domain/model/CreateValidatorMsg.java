package network.omniphi.chain.domain.model;

import java.math.BigInteger;

/**
 * MsgCreateValidator in domain terms. {@code consensusPubkey} is the base64 of the 32-byte ed25519 key (a string so
 * that record equality is value equality).
 */
public record CreateValidatorMsg(Description description, CommissionRates commission, BigInteger minSelfDelegation,
        String validatorAddress, String consensusPubkey, Coin value) {
}
