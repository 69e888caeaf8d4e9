package network.omniphi.devnet.api.grpc;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

import network.omniphi.devnet.domain.ChainEngine;
import network.omniphi.devnet.domain.ChainException;
import network.omniphi.devnet.domain.TxResult;

import cosmos.base.abci.v1beta1.GasInfo;
import cosmos.base.abci.v1beta1.Result;
import cosmos.base.abci.v1beta1.TxResponse;
import cosmos.staking.v1beta1.MsgCreateValidatorResponse;
import cosmos.tx.v1beta1.BroadcastMode;
import cosmos.tx.v1beta1.BroadcastTxRequest;
import cosmos.tx.v1beta1.BroadcastTxResponse;
import cosmos.tx.v1beta1.GetTxRequest;
import cosmos.tx.v1beta1.GetTxResponse;
import cosmos.tx.v1beta1.MutinyServiceGrpc;
import cosmos.tx.v1beta1.SimulateRequest;
import cosmos.tx.v1beta1.SimulateResponse;
import cosmos.tx.v1beta1.TxRaw;

/** cosmos.tx.v1beta1.Service: Simulate, BroadcastTx (CheckTx answer) and GetTx (once included). */
@GrpcService
public class TxGrpcService extends MutinyServiceGrpc.ServiceImplBase {

    private final ChainEngine engine;

    public TxGrpcService(ChainEngine engine) {
        this.engine = engine;
    }

    @Override
    public Uni<SimulateResponse> simulate(SimulateRequest request) {
        return Uni.createFrom().item(() -> runSimulation(txBytes(request)));
    }

    @Override
    public Uni<BroadcastTxResponse> broadcastTx(BroadcastTxRequest request) {
        return Uni.createFrom().item(() -> {
            checkMode(request.getMode());
            if (request.getTxBytes().isEmpty()) {
                throw GrpcErrors.of(Status.INVALID_ARGUMENT, "invalid empty tx");
            }
            ChainEngine.CheckTxResult checked = engine.broadcast(request.getTxBytes().toByteArray());
            return BroadcastTxResponse.newBuilder().setTxResponse(checkTxResponse(checked)).build();
        });
    }

    @Override
    public Uni<GetTxResponse> getTx(GetTxRequest request) {
        return Uni.createFrom().item(() -> {
            if (request.getHash().isBlank()) {
                throw GrpcErrors.of(Status.INVALID_ARGUMENT, "tx hash cannot be empty");
            }
            if (!engine.params().txIndex()) {
                // CometBFT 0.38 rpc/core/tx.go with the null indexer; cosmos-sdk v0.50 x/auth/tx/service.go passes
                // the error on unchanged (not "not found"), so it reaches gRPC clients as Unknown
                throw GrpcErrors.of(Status.UNKNOWN, "transaction indexing is disabled");
            }
            return engine.tx(request.getHash()).map(TxRecordMapper::getTxResponse).orElseThrow(
                    () -> GrpcErrors.of(Status.NOT_FOUND, "tx not found: " + request.getHash()));
        });
    }

    private SimulateResponse runSimulation(byte[] txBytes) {
        try {
            ChainEngine.Simulation simulation = engine.simulate(txBytes);
            Result.Builder result = Result.newBuilder();
            simulation.events().forEach(e -> result.addEvents(ProtoMapper.event(e)));
            result.addMsgResponses(ProtoMapper.pack(MsgCreateValidatorResponse.getDefaultInstance()));
            return SimulateResponse.newBuilder()
                    .setGasInfo(GasInfo.newBuilder().setGasWanted(simulation.gasWanted())
                            .setGasUsed(simulation.gasUsed()))
                    .setResult(result).build();
        } catch (ChainException e) {
            throw GrpcErrors.of(Status.UNKNOWN, e);
        }
    }

    private static byte[] txBytes(SimulateRequest request) {
        if (!request.getTxBytes().isEmpty()) {
            return request.getTxBytes().toByteArray();
        }
        if (request.hasTx()) {
            return TxRaw.newBuilder().setBodyBytes(request.getTx().getBody().toByteString())
                    .setAuthInfoBytes(request.getTx().getAuthInfo().toByteString())
                    .addAllSignatures(request.getTx().getSignaturesList()).build().toByteArray();
        }
        throw GrpcErrors.of(Status.INVALID_ARGUMENT, "empty txBytes is not allowed");
    }

    private static void checkMode(BroadcastMode mode) {
        if (mode == BroadcastMode.BROADCAST_MODE_BLOCK) {
            throw GrpcErrors.of(Status.INVALID_ARGUMENT,
                    "BROADCAST_MODE_BLOCK is deprecated; use BROADCAST_MODE_SYNC and poll GetTx");
        }
        if (mode != BroadcastMode.BROADCAST_MODE_SYNC && mode != BroadcastMode.BROADCAST_MODE_ASYNC) {
            throw GrpcErrors.of(Status.INVALID_ARGUMENT, "invalid broadcast mode " + mode);
        }
    }

    private static TxResponse checkTxResponse(ChainEngine.CheckTxResult checked) {
        TxResult r = checked.result();
        return TxResponse.newBuilder().setTxhash(checked.hash()).setCode(r.code()).setCodespace(r.codespace())
                .setRawLog(r.rawLog()).setGasWanted(r.gasWanted()).setGasUsed(r.gasUsed()).build();
    }
}
