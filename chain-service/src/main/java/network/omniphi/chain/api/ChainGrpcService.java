package network.omniphi.chain.api;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

import network.omniphi.chain.config.ChainServiceConfig;
import network.omniphi.chain.domain.BroadcastService;
import network.omniphi.chain.domain.ChainException;
import network.omniphi.chain.domain.CreateValidatorTxService;
import network.omniphi.chain.domain.UnjailTxService;
import network.omniphi.chain.domain.ValidatorInfoService;
import network.omniphi.commons.tracing.SetupTelemetry;
import network.omniphi.proto.chain.v1.BroadcastRequest;
import network.omniphi.proto.chain.v1.BroadcastResponse;
import network.omniphi.proto.chain.v1.BuildCreateValidatorTxRequest;
import network.omniphi.proto.chain.v1.BuildCreateValidatorTxResponse;
import network.omniphi.proto.chain.v1.BuildUnjailTxRequest;
import network.omniphi.proto.chain.v1.BuildUnjailTxResponse;
import network.omniphi.proto.chain.v1.ChainService;
import network.omniphi.proto.chain.v1.GetBlockHeightRequest;
import network.omniphi.proto.chain.v1.GetBlockHeightResponse;
import network.omniphi.proto.chain.v1.GetValidatorInfoRequest;
import network.omniphi.proto.chain.v1.GetValidatorInfoResponse;

/**
 * The internal gRPC API (port 9002) the api-gateway calls. A call for a setup tags its server span (Quarkus' gRPC
 * instrumentation) and its log lines with the setup id ({@link SetupTelemetry}).
 */
@GrpcService
public class ChainGrpcService implements ChainService {

    private final CreateValidatorTxService builder;
    private final BroadcastService broadcaster;
    private final ValidatorInfoService info;
    private final long powerReduction;

    private final UnjailTxService unjail;

    public ChainGrpcService(CreateValidatorTxService builder, BroadcastService broadcaster, ValidatorInfoService info,
            UnjailTxService unjail, ChainServiceConfig config) {
        this.unjail = unjail;
        this.builder = builder;
        this.broadcaster = broadcaster;
        this.info = info;
        this.powerReduction = config.powerReduction();
    }

    @Override
    public Uni<BuildCreateValidatorTxResponse> buildCreateValidatorTx(BuildCreateValidatorTxRequest request) {
        SetupTelemetry.tag(request.getSetupRequestId());
        return builder.build(ChainApiMapper.toInput(request)).map(ChainApiMapper::toResponse)
                .onFailure().transform(GrpcErrors::toStatus).onTermination().invoke(SetupTelemetry::clearMdc);
    }

    @Override
    public Uni<BroadcastResponse> broadcast(BroadcastRequest request) {
        SetupTelemetry.tag(request.getSetupRequestId());
        return Uni.createFrom().item(request).invoke(ChainGrpcService::requireBroadcastFields)
                .flatMap(r -> broadcaster.broadcast(r.getSetupRequestId(), r.getWalletAddress(),
                        r.getConsensusPubkey(), r.getTxBytes().toByteArray()))
                .map(ChainApiMapper::toResponse)
                .onFailure().transform(GrpcErrors::toStatus).onTermination().invoke(SetupTelemetry::clearMdc);
    }

    private static void requireBroadcastFields(BroadcastRequest r) {
        if (r.getSetupRequestId().isBlank()) {
            throw ChainException.Invalid.field("setupRequestId", "is required");
        }
        if (r.getWalletAddress().isBlank()) {
            throw ChainException.Invalid.field("walletAddress", "is required");
        }
        if (r.getTxBytes().isEmpty()) {
            throw ChainException.Invalid.field("txBytes", "is required");
        }
    }

    @Override
    public Uni<GetValidatorInfoResponse> getValidatorInfo(GetValidatorInfoRequest request) {
        return info.info(request.getOperatorAddress(), request.getWalletAddress())
                .map(v -> ChainApiMapper.toResponse(v, powerReduction))
                .onFailure().transform(GrpcErrors::toStatus);
    }

    @Override
    public Uni<BuildUnjailTxResponse> buildUnjailTx(BuildUnjailTxRequest request) {
        SetupTelemetry.tag(request.getSetupRequestId());
        return Uni.createFrom().item(() -> ChainApiMapper.toInput(request)).flatMap(unjail::build)
                .map(ChainApiMapper::toResponse)
                .onFailure().transform(GrpcErrors::toStatus).onTermination().invoke(SetupTelemetry::clearMdc);
    }

    @Override
    public Uni<GetBlockHeightResponse> getBlockHeight(GetBlockHeightRequest request) {
        return info.head().map(h -> GetBlockHeightResponse.newBuilder().setHeight(h.height())
                .setChainId(h.chainId()).build())
                .onFailure().transform(GrpcErrors::toStatus);
    }
}
