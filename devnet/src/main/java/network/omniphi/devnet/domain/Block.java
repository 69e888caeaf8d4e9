package network.omniphi.devnet.domain;

import java.time.Instant;
import java.util.List;

/** A committed block: header fields the RPC and gRPC answers need, and the raw txs in order. */
public record Block(String chainId, long height, Instant time, byte[] hash, byte[] previousHash, byte[] dataHash,
        byte[] appHash, byte[] proposer, List<byte[]> txs) {

    public Block {
        txs = List.copyOf(txs);
    }
}
