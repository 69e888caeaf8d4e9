package network.omniphi.devnet.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import network.omniphi.devnet.domain.crypto.Hashes;

/** The last {@code capacity} blocks and the index of their txs by hash. Not thread-safe (the engine serialises). */
final class BlockStore {

    private final int capacity;
    private final Deque<Block> blocks = new ArrayDeque<>();
    private final Map<String, TxRecord> txs = new HashMap<>();

    BlockStore(int capacity) {
        this.capacity = capacity;
    }

    Block append(String chainId, Instant time, byte[] proposer, List<byte[]> rawTxs, List<TxRecord> records,
            byte[] appHash) {
        Block last = blocks.peekLast();
        long height = last == null ? 1 : last.height() + 1;
        byte[] previous = last == null ? new byte[0] : last.hash();
        byte[] dataHash = Hashes.sha256(rawTxs.stream().map(Hashes::sha256).reduce(new byte[0], BlockStore::concat));
        byte[] hash = Hashes.sha256(chainId.getBytes(StandardCharsets.UTF_8), ByteBuffer.allocate(16).putLong(height)
                .putLong(time.toEpochMilli()).array(), previous, dataHash, appHash, proposer);
        Block block = new Block(chainId, height, time, hash, previous, dataHash, appHash, proposer, rawTxs);
        blocks.addLast(block);
        records.forEach(r -> txs.put(r.hash(), r));
        while (blocks.size() > capacity) {
            prune(blocks.removeFirst());
        }
        return block;
    }

    Block latest() {
        return blocks.getLast();
    }

    long nextHeight() {
        return blocks.isEmpty() ? 1 : blocks.getLast().height() + 1;
    }

    long earliestHeight() {
        return blocks.getFirst().height();
    }

    Optional<Block> block(long height) {
        long offset = height - earliestHeight();
        if (offset < 0 || height > latest().height()) {
            return Optional.empty();
        }
        return blocks.stream().skip(offset).findFirst();
    }

    Optional<TxRecord> tx(String hash) {
        return Optional.ofNullable(txs.get(hash));
    }

    boolean contains(String hash) {
        return txs.containsKey(hash);
    }

    private void prune(Block block) {
        block.txs().forEach(raw -> txs.remove(Hashes.txHash(raw)));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
