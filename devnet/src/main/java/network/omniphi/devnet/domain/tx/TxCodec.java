package network.omniphi.devnet.domain.tx;

/** Port to the Cosmos protobuf wire format, implemented at the edge. */
public interface TxCodec {

    /** Decodes TxRaw bytes; throws {@code ChainException} (tx parse error) when they are not a valid tx. */
    DecodedTx decode(byte[] txBytes);

    /** The serialized {@code SignDoc{body_bytes, auth_info_bytes, chain_id, account_number}}. */
    byte[] directSignBytes(byte[] bodyBytes, byte[] authInfoBytes, String chainId, long accountNumber);
}
