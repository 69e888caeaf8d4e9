package network.omniphi.devnet.domain.tx;

import java.util.List;

/**
 * A TxRaw decoded into its parts. The original body and auth-info bytes are kept because SIGN_MODE_DIRECT signs them
 * verbatim.
 */
public record DecodedTx(byte[] raw, byte[] bodyBytes, byte[] authInfoBytes, List<byte[]> signatures,
        List<TxMessage> messages, String memo, long timeoutHeight, boolean hasExtensionOptions,
        List<SignerInfo> signerInfos, Fee fee) {

    public DecodedTx {
        signatures = List.copyOf(signatures);
        messages = List.copyOf(messages);
        signerInfos = List.copyOf(signerInfos);
    }
}
