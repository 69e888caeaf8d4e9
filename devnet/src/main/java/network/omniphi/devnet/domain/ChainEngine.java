package network.omniphi.devnet.domain;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import network.omniphi.devnet.domain.crypto.Ed25519;
import network.omniphi.devnet.domain.crypto.Hashes;
import network.omniphi.devnet.domain.state.Account;
import network.omniphi.devnet.domain.state.ChainState;
import network.omniphi.devnet.domain.state.Validator;
import network.omniphi.devnet.domain.tx.DecodedTx;
import network.omniphi.devnet.domain.tx.TxCodec;

/**
 * The devnet chain: committed state, a check state for the mempool, the mempool and the block store. Every public
 * method is serialised on the engine, so a block is produced atomically between broadcasts and queries.
 */
public final class ChainEngine {

    static final int MAX_TX_BYTES = 1 << 20;
    static final int MAX_MEMPOOL_TXS = 5_000;
    /** CometBFT 0.38 {@code config.MempoolConfig} default {@code cache_size}. */
    static final int TX_CACHE_SIZE = 10_000;

    private record PendingTx(String hash, byte[] raw, DecodedTx tx) {
    }

    /** Result of a broadcast: the tx hash and the CheckTx outcome (code 0 = accepted into the mempool). */
    public record CheckTxResult(String hash, TxResult result) {
    }

    /** Result of a simulation: gas wanted (the tx's limit), deterministic gas used and the events. */
    public record Simulation(long gasWanted, long gasUsed, List<TxResult.Event> events) {
    }

    private final ChainParams params;
    private final TxCodec codec;
    private final Clock clock;
    private final TxExecutor executor;
    private final ChainState state;
    private final BlockStore blocks;
    private final List<PendingTx> mempool = new ArrayList<>();
    private final Map<String, Boolean> pendingJails = new LinkedHashMap<>();
    /**
     * Hashes of txs that passed CheckTx, kept after they are committed until evicted (CometBFT 0.38
     * {@code mempool/cache.go} LRUTxCache): a repeat is refused with "tx already exists in cache", which cosmos-sdk
     * v0.50 {@code client/broadcast.go} CheckCometError turns into code 19 (ErrTxInMempoolCache).
     */
    private final java.util.LinkedHashSet<String> txCache = new java.util.LinkedHashSet<>();
    private final Validator nodeValidator;
    private final Liveness liveness;
    /** The genesis validators: this process plays them, so they always sign. */
    private final List<Validator> playedValidators;
    private ChainState checkState;
    private byte[] appHash = new byte[32];

    public ChainEngine(ChainParams params, Genesis genesis, TxCodec codec, Clock clock) {
        this.params = params;
        this.codec = codec;
        this.clock = clock;
        this.liveness = new Liveness(params, params.liveness());
        this.executor = new TxExecutor(params, codec, liveness);
        this.state = GenesisLoader.load(params, genesis);
        this.playedValidators = List.copyOf(state.validators());
        this.nodeValidator = state.validators().stream()
                .filter(v -> v.description().moniker().equals(genesis.validators().get(0).moniker())).findFirst()
                .orElseThrow();
        this.blocks = new BlockStore(params.blockHistory());
        this.checkState = state.copy();
        commit(genesis.time(), List.of(), List.of());
    }

    public ChainParams params() {
        return params;
    }

    /** The first genesis validator: the validator this node process plays. */
    public Validator nodeValidator() {
        return nodeValidator;
    }

    /** CheckTx: decode, stateless rules and ante against the check state; accepted txs wait for the next block. */
    public synchronized CheckTxResult broadcast(byte[] txBytes) {
        String hash = Hashes.txHash(txBytes);
        try {
            DecodedTx tx = decode(txBytes);
            if (txCache.contains(hash) || mempool.stream().anyMatch(p -> p.hash().equals(hash))) {
                throw new ChainException(ChainError.TX_IN_MEMPOOL, "tx already exists in cache");
            }
            if (mempool.size() >= MAX_MEMPOOL_TXS) {
                throw new ChainException(ChainError.MEMPOOL_FULL, "mempool holds " + mempool.size() + " txs");
            }
            ChainState branch = checkState.copy();
            long gasUsed = executor.check(branch, tx, blocks.nextHeight(), clock.instant());
            checkState = branch;
            mempool.add(new PendingTx(hash, txBytes, tx));
            txCache.add(hash);
            if (txCache.size() > TX_CACHE_SIZE) {
                txCache.remove(txCache.iterator().next());
            }
            return new CheckTxResult(hash, TxResult.ok(tx.fee().gasLimit(), gasUsed, List.of()));
        } catch (ChainException e) {
            return new CheckTxResult(hash, TxResult.failed(e, 0, 0));
        }
    }

    /** Runs the tx against the check state without signature and min-fee checks; throws when it would fail. */
    public synchronized Simulation simulate(byte[] txBytes) {
        DecodedTx tx = decode(txBytes);
        List<TxResult.Event> events = executor.simulate(checkState, tx, blocks.nextHeight(), clock.instant());
        return new Simulation(tx.fee().gasLimit(), GasSchedule.total(tx), events);
    }

    /** Produces the next block: pending jail changes, then the mempool txs in arrival order, then the active set. */
    public synchronized Block produceBlock() {
        Instant time = clock.instant();
        Instant minimum = blocks.latest().time().plusMillis(1);
        Instant blockTime = time.isBefore(minimum) ? minimum : time;
        long height = blocks.nextHeight();
        pendingJails.forEach((operator, jailed) -> state.validators().stream()
                .filter(v -> Addresses.hex(v.operator()).equals(operator)).findFirst()
                .ifPresent(v -> {
                    state.put(v.withJailed(jailed));
                    if (jailed) {
                        liveness.jailedAt(v.consensusKey(), height, blockTime);
                    }
                }));
        pendingJails.clear();
        List<byte[]> raws = new ArrayList<>();
        List<TxRecord> records = new ArrayList<>();
        for (PendingTx pending : mempool) {
            TxResult result = executor.deliver(state, pending.tx(), height, blockTime);
            records.add(new TxRecord(pending.hash(), height, records.size(), blockTime, pending.tx(), result));
            raws.add(pending.raw());
        }
        mempool.clear();
        liveness.endBlock(state, height, blockTime, playedValidators)
                .forEach(v -> state.put(state.validator(v.operator()).orElseThrow().withJailed(true)));
        return commit(blockTime, raws, records);
    }

    private Block commit(Instant time, List<byte[]> raws, List<TxRecord> records) {
        state.updateActiveSet(params.maxValidators());
        byte[] txHashes = records.stream().map(r -> r.hash().getBytes()).reduce(new byte[0], ChainEngine::concat);
        appHash = Hashes.sha256(appHash, txHashes, ByteBuffer.allocate(8).putLong(blocks.nextHeight()).array());
        Block block = blocks.append(params.chainId(), time, nodeValidatorConsensusAddress(), raws, records, appHash);
        checkState = state.copy();
        return block;
    }

    public synchronized Optional<TxRecord> tx(String hash) {
        return blocks.tx(hash.toUpperCase(Locale.ROOT));
    }

    public synchronized Block latestBlock() {
        return blocks.latest();
    }

    public synchronized Optional<Block> block(long height) {
        return blocks.block(height);
    }

    public synchronized long earliestHeight() {
        return blocks.earliestHeight();
    }

    public synchronized Optional<Account> account(byte[] address) {
        return state.account(address);
    }

    /** Balance minus coins locked by vesting, at the latest block's time. */
    public synchronized BigInteger spendable(byte[] address, String denom) {
        return state.spendable(address, denom, params.bondDenom(), blocks.latest().time());
    }

    public synchronized Optional<network.omniphi.devnet.domain.state.Vesting> vesting(byte[] address) {
        return state.vesting(address);
    }

    public synchronized BigInteger balance(byte[] address, String denom) {
        return state.account(address).map(a -> a.balance(denom)).orElse(BigInteger.ZERO);
    }

    public synchronized List<Validator> validators() {
        return state.validators();
    }

    public synchronized Optional<Validator> validator(byte[] operator) {
        return state.validator(operator);
    }

    /** Dev faucet: credits at once (committed and check state); new accounts get the next account number. */
    public synchronized Account fund(byte[] address, String denom, BigInteger amount) {
        Account funded = state.credit(address, denom, amount);
        checkState.credit(address, denom, amount);
        return funded;
    }

    /** Dev admin: jails or unjails a validator in the next block; returns that block's height. */
    public synchronized long scheduleJail(byte[] operator, boolean jailed) {
        if (state.validator(operator).isEmpty()) {
            throw new ChainException(ChainError.VALIDATOR_NOT_FOUND, Addresses.operator(operator));
        }
        pendingJails.put(Addresses.hex(operator), jailed);
        return blocks.nextHeight();
    }

    /**
     * A validator node's vote for {@code height}: ed25519 by its consensus key over
     * {@code omniphi-devnet/vote/v1/<chain id>/<height>} (dev-node's Voter). Only keys of known validators and
     * heights near the head count.
     */
    public synchronized void vote(byte[] consensusKey, long height, byte[] signature) {
        if (state.validatorByConsensusKey(consensusKey).isEmpty()) {
            throw new ChainException(ChainError.VALIDATOR_NOT_FOUND, "no validator has this consensus key");
        }
        long latest = blocks.latest().height();
        if (height > latest + 1 || height < latest - Liveness.VOTE_SLACK_BLOCKS) {
            throw new ChainException(ChainError.INVALID_REQUEST, "vote height " + height + " is not near " + latest);
        }
        byte[] message = ("omniphi-devnet/vote/v1/" + params.chainId() + "/" + height)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (!Ed25519.verify(consensusKey, message, signature)) {
            throw new ChainException(ChainError.UNAUTHORIZED, "vote signature does not verify");
        }
        liveness.vote(consensusKey, height);
    }

    /** x/slashing signing info of the validator with this consensus address (20 bytes). */
    public synchronized Optional<Liveness.SigningInfo> signingInfo(byte[] consensusAddress) {
        return state.validators().stream()
                .filter(v -> java.util.Arrays.equals(Ed25519.consensusAddress(v.consensusKey()), consensusAddress))
                .findFirst().flatMap(v -> liveness.signingInfo(v.consensusKey()));
    }

    public synchronized int mempoolSize() {
        return mempool.size();
    }

    private byte[] nodeValidatorConsensusAddress() {
        return Ed25519.consensusAddress(nodeValidator.consensusKey());
    }

    private DecodedTx decode(byte[] txBytes) {
        if (txBytes.length > MAX_TX_BYTES) {
            throw new ChainException(ChainError.TX_TOO_LARGE, "tx of " + txBytes.length + " bytes");
        }
        return codec.decode(txBytes);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
