package network.omniphi.chain.domain.model;

/** {@code cosmos.slashing.v1beta1.MsgUnjail}: the operator address of the jailed validator. */
public record UnjailMsg(String validatorAddress) implements TxMsg {

    public static final String TYPE_URL = "/cosmos.slashing.v1beta1.MsgUnjail";
    public static final String KIND = "unjail";

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
