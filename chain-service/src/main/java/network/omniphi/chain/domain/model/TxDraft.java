package network.omniphi.chain.domain.model;

/** Everything that goes into the body and auth-info bytes of an unsigned single-signer tx. */
public record TxDraft(CreateValidatorMsg msg, byte[] signerPubkey, long sequence, SignMode mode, long gasLimit,
        Coin fee,
        String memo) {

    public TxDraft withGas(long gas, Coin newFee) {
        return new TxDraft(msg, signerPubkey, sequence, mode, gas, newFee, memo);
    }
}
