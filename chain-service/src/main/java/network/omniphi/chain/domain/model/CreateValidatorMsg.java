package network.omniphi.chain.domain.model;

import java.math.BigInteger;

/**
 * MsgCreateValidator in domain terms. {@code consensusPubkey} is the base64 of the 32-byte ed25519 key (a string so
 * that record equality is value equality).
 */
public record CreateValidatorMsg(Description description, CommissionRates commission, BigInteger minSelfDelegation,
        String validatorAddress, String consensusPubkey, Coin value) implements TxMsg {

    public static final String TYPE_URL = "/cosmos.staking.v1beta1.MsgCreateValidator";
    public static final String KIND = "create_validator";

    @Override
    public String operatorAddress() {
        return validatorAddress;
    }

    @Override
    public String typeUrl() {
        return TYPE_URL;
    }

    @Override
    public String kind() {
        return KIND;
    }
}
