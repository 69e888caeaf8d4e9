package network.omniphi.chain.domain.model;

/**
 * Everything that goes into the body and auth-info bytes of an unsigned single-signer tx. {@code timeoutHeight} is
 * the last block height at which the tx may be included (0 = none); cosmos-sdk v0.50 {@code x/auth/ante}
 * {@code TxTimeoutHeightDecorator} refuses it afterwards, so "not included" is a fact once the chain is past it.
 */
public record TxDraft(TxMsg msg, byte[] signerPubkey, long sequence, SignMode mode, long gasLimit,
        Coin fee, String memo, long timeoutHeight) {

    public TxDraft withGas(long gas, Coin newFee) {
        return new TxDraft(msg, signerPubkey, sequence, mode, gas, newFee, memo, timeoutHeight);
    }
}
