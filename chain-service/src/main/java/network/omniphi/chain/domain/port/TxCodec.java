package network.omniphi.chain.domain.port;

import network.omniphi.chain.domain.model.DecodedTx;
import network.omniphi.chain.domain.model.TxDraft;

/** Cosmos protobuf encoding of transactions. */
public interface TxCodec {

    byte[] bodyBytes(TxDraft draft);

    byte[] authInfoBytes(TxDraft draft);

    /** TxRaw with one empty signature, as Simulate accepts it. */
    byte[] simulationTx(TxDraft draft);

    /** Decodes TxRaw bytes; throws ChainException.Invalid(MALFORMED_TX) when they are not a tx. */
    DecodedTx decode(byte[] txRaw);
}
