package network.omniphi.devnet.domain.tx;

/**
 * {@code /cosmos.staking.v1beta1.MsgCreateValidator} as decoded from the wire, unvalidated. {@code minSelfDelegation}
 * is the cosmos.Int string; the consensus key is the Any type URL plus the raw key bytes.
 */
public record MsgCreateValidator(Description description, CommissionRates commission, String minSelfDelegation,
        String delegatorAddress, String validatorAddress, String pubKeyType, byte[] pubKey, Coin value)
        implements
            TxMessage {

    public static final String TYPE_URL = "/cosmos.staking.v1beta1.MsgCreateValidator";
    public static final String AMINO_NAME = "cosmos-sdk/MsgCreateValidator";
    public static final String ED25519_TYPE_URL = "/cosmos.crypto.ed25519.PubKey";

    @Override
    public String typeUrl() {
        return TYPE_URL;
    }
}
