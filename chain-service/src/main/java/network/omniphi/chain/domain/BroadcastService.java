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

/** Use case: check a signed tx against what was built for the setup, broadcast it and start tracking it. */
@ApplicationScoped
public class BroadcastService {

    private final ChainPort chain;
    private final TxCodec codec;
    private final SetupTxStore store;
    private final Clock clock;

    public BroadcastService(ChainPort chain, TxCodec codec, SetupTxStore store, Clock clock) {
        this.chain = chain;
        this.codec = codec;
        this.store = store;
        this.clock = clock;
    }

    /** Upper-case hex SHA-256 of the TxRaw bytes. */
    public static String txHash(byte[] txRaw) {
        return HexFormat.of().withUpperCase().formatHex(Addresses.sha256(txRaw));
    }

    public Uni<BroadcastResult> broadcast(String setupRequestId, String walletAddress, String consensusPubkey,
            byte[] txBytes) {
        return Uni.createFrom().item(() -> codec.decode(txBytes))
                .flatMap(tx -> prepared(setupRequestId)
                        .invoke(p -> SignedTxCheck.check(p, walletAddress, consensusPubkey, tx))
                        .flatMap(p -> refuseIfLive(setupRequestId).replaceWith(p))
                        .flatMap(p -> submit(p, tx, txBytes)));
    }

    private Uni<PreparedTx> prepared(String setupRequestId) {
        return store.prepared(setupRequestId).map(p -> p.orElseThrow(() -> new ChainException.Refused(
                ChainError.NO_PREPARED_TX, "no create-validator tx was built for setup " + setupRequestId)));
    }

    private Uni<Void> refuseIfLive(String setupRequestId) {
        return store.hasLiveTx(setupRequestId).invoke(live -> {
            if (live) {
                throw new ChainException.Refused(ChainError.TX_ALREADY_SUBMITTED,
                        "setup " + setupRequestId + " already has a submitted or confirmed tx");
            }
        }).replaceWithVoid();
    }

    private Uni<BroadcastResult> submit(PreparedTx prepared, DecodedTx tx, byte[] txBytes) {
        String hash = txHash(txBytes);
        return chain.broadcastSync(txBytes).flatMap(result -> {
            if (result.code() != 0) {
                throw CheckTxErrors.toException(result);
            }
            TrackedTx tracked = new TrackedTx(hash, prepared.setupRequestId(), tx.msg().validatorAddress(),
                    clock.instant());
            return store.submitted(tracked).replaceWith(new BroadcastResult(hash, result.code(),
                    result.codespace(), result.height(), result.rawLog()));
        });
    }
}
