package network.omniphi.chain.domain.model;

import java.util.List;

/**
 * A signed TxRaw decoded for inspection. {@code msg} is null unless the only message is a MsgCreateValidator or a
 * MsgUnjail;
 * {@code mode} is null for sign modes other than direct and amino.
 */
public record DecodedTx(byte[] bodyBytes, byte[] authInfoBytes, List<byte[]> signatures, List<String> messageTypes,
        TxMsg msg, String memo, long timeoutHeight, boolean hasExtensions, int signerCount,
        byte[] signerPubkey, SignMode mode, long sequence, List<Coin> fee, long gasLimit) {
}
