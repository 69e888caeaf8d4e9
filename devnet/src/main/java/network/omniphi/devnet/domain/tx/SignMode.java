package network.omniphi.devnet.domain.tx;

/** Sign modes of a single signer; anything else is refused as not supported. */
public enum SignMode {
    DIRECT, LEGACY_AMINO_JSON, UNSUPPORTED
}
