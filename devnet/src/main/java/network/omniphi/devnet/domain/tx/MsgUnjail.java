package network.omniphi.devnet.domain.tx;

/** {@code /cosmos.slashing.v1beta1.MsgUnjail}: the jailed validator's operator address (its only signer). */
public record MsgUnjail(String validatorAddress) implements TxMessage {

    public static final String TYPE_URL = "/cosmos.slashing.v1beta1.MsgUnjail";
    /** Amino name; the field {@code validator_addr} is renamed {@code address} in amino JSON (x/slashing tx.proto). */
    public static final String AMINO_NAME = "cosmos-sdk/MsgUnjail";

    @Override
    public String typeUrl() {
        return TYPE_URL;
    }
}
