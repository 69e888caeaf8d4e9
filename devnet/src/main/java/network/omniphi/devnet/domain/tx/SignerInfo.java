package network.omniphi.devnet.domain.tx;

/**
 * One signer of a tx: the public key type URL and bytes (both may be empty when the account already has a key), the
 * sign mode and the sequence the signature commits to. {@code multi} is true for multisig mode infos.
 */
public record SignerInfo(String publicKeyType, byte[] publicKey, SignMode mode, long sequence, boolean multi) {
}
