package network.omniphi.chain.domain.model;

/** What GetTx says about a tx hash. */
public sealed interface TxLookup {

    /** Included in a block (successfully or not). */
    record Included(TxResult result) implements TxLookup {
    }

    /** The node's index does not know it (yet): pending, dropped or never sent. */
    record NotFound() implements TxLookup {
    }

    /**
     * The node cannot look txs up: CometBFT with {@code tx_index.indexer = "null"} makes the SDK's GetTx fail with
     * gRPC Unknown ("transaction indexing is disabled"), not NotFound.
     */
    record IndexUnavailable(String reason) implements TxLookup {
    }
}
