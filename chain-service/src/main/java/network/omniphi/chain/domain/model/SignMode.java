package network.omniphi.chain.domain.model;

/** How the wallet signs: protobuf SignDoc or the legacy amino JSON (Ledger). */
public enum SignMode {
    DIRECT, AMINO
}
