package network.omniphi.chain.domain.model;

/** cosmos.tx.v1beta1.SignDoc content. */
public record SignDocData(byte[] bodyBytes, byte[] authInfoBytes, String chainId, long accountNumber) {
}
