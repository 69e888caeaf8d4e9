package network.omniphi.devnet.domain;

import java.time.Instant;

import network.omniphi.devnet.domain.tx.DecodedTx;

/** A tx included in a block, with its result. */
public record TxRecord(String hash, long height, int index, Instant time, DecodedTx tx, TxResult result) {
}
