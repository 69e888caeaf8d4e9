package network.omniphi.chain.domain;

import java.time.Clock;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import network.omniphi.chain.domain.model.BroadcastResult;
import network.omniphi.chain.domain.model.DecodedTx;
import network.omniphi.chain.domain.model.PreparedTx;
import network.omniphi.chain.domain.model.TrackedTx;
import network.omniphi.chain.domain.port.ChainPort;
import network.omniphi.chain.domain.port.SetupTxStore;
import network.omniphi.chain.domain.port.TxCodec;

/**
 * Use case: check a signed tx against what was built for the setup, broadcast it and start tracking it. Idempotent:
 * the tx hash is computed locally, so the same TxRaw sent again answers the same hash without a second broadcast, and
 * every "maybe submitted" outcome is recorded and left to tracking: CheckTx code 19 ({@code ErrTxInMempoolCache},
 * cosmos-sdk v0.50 {@code types/errors/errors.go}; CometBFT 0.38 {@code mempool/clist_mempool.go} answers it for any
 * tx still in its cache, committed ones included) and a broadcast that got no answer in time.
 */
@ApplicationScoped
public class BroadcastService {

    static final int TX_IN_CACHE = 19;

    private final ChainPort chain;
    private final TxCodec codec;
    private final SetupTxStore store;
    private final ChainSettings settings;
    private final Clock clock;

    public BroadcastService(ChainPort chain, TxCodec codec, SetupTxStore store, ChainSettings settings, Clock clock) {
        this.chain = chain;
        this.codec = codec;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /** Upper-case hex SHA-256 of the TxRaw bytes (CometBFT's tx hash). */
    public static String txHash(byte[] txRaw) {
        return HexFormat.of().withUpperCase().formatHex(Addresses.sha256(txRaw));
    }

    public Uni<BroadcastResult> broadcast(String setupRequestId, String walletAddress, String consensusPubkey,
            byte[] txBytes) {
        String hash = txHash(txBytes);
        return Uni.createFrom().item(() -> codec.decode(txBytes))
                .flatMap(tx -> store.trackedTx(hash).flatMap(known -> known.isPresent()
                        ? Uni.createFrom().item(again(known.get(), setupRequestId))
                        : prepared(setupRequestId)
                                .invoke(p -> SignedTxCheck.check(p, walletAddress, consensusPubkey, tx,
                                        settings.aminoDecForm()))
                                .flatMap(p -> refuseIfOtherLive(setupRequestId, p.msg().kind(), hash).replaceWith(p))
                                .flatMap(p -> submit(p, tx, txBytes, hash))));
    }

    /** The same TxRaw again: the same answer, never a second broadcast or an error. */
    private static BroadcastResult again(TrackedTx known, String setupRequestId) {
        if (!known.setupRequestId().equals(setupRequestId)) {
            throw new ChainException.Refused(ChainError.TX_MISMATCH,
                    "this tx was submitted for another setup");
        }
        return new BroadcastResult(known.txHash(), 0, "", 0, "already submitted; its inclusion is tracked");
    }

    private Uni<PreparedTx> prepared(String setupRequestId) {
        return store.prepared(setupRequestId).map(p -> p.orElseThrow(() -> new ChainException.Refused(
                ChainError.NO_PREPARED_TX, "no tx was built for setup " + setupRequestId)));
    }

    private Uni<Void> refuseIfOtherLive(String setupRequestId, String kind, String hash) {
        return store.hasLiveTx(setupRequestId, kind).invoke(live -> {
            if (live) {
                throw new ChainException.Refused(ChainError.TX_ALREADY_SUBMITTED, "setup " + setupRequestId
                        + " already has another submitted or confirmed tx; this one (" + hash + ") was not sent");
            }
        }).replaceWithVoid();
    }

    private Uni<BroadcastResult> submit(PreparedTx prepared, DecodedTx tx, byte[] txBytes, String hash) {
        return chain.broadcastSync(txBytes)
                .map(result -> accepted(result, hash))
                .onFailure(BroadcastService::outcomeUnknown).recoverWithItem(new BroadcastResult(hash, 0, "", 0,
                        "the chain node did not answer in time; the tx may be in its mempool and is tracked"))
                .flatMap(result -> store.submitted(new TrackedTx(hash, prepared.setupRequestId(),
                        prepared.msg().operatorAddress(), clock.instant(), prepared.walletAddress(), tx.sequence(),
                        tx.timeoutHeight(), prepared.msg().kind())).replaceWith(result));
    }

    private static BroadcastResult accepted(BroadcastResult result, String hash) {
        if (result.code() == 0) {
            return new BroadcastResult(hash, 0, result.codespace(), result.height(), result.rawLog());
        }
        if ("sdk".equals(result.codespace()) && result.code() == TX_IN_CACHE) {
            return new BroadcastResult(hash, 0, "", 0,
                    "the node already has this tx (in its mempool or committed); its inclusion is tracked");
        }
        throw CheckTxErrors.toException(result);
    }

    private static boolean outcomeUnknown(Throwable e) {
        return e instanceof ChainException c && c.error() == ChainError.BROADCAST_OUTCOME_UNKNOWN;
    }
}
