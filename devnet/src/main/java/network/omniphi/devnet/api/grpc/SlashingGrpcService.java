package network.omniphi.devnet.api.grpc;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import com.google.protobuf.ByteString;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

import network.omniphi.devnet.domain.ChainEngine;
import network.omniphi.devnet.domain.ChainParams;
import network.omniphi.devnet.domain.Dec;

import cosmos.slashing.v1beta1.MutinyQueryGrpc;
import cosmos.slashing.v1beta1.Params;
import cosmos.slashing.v1beta1.QueryParamsRequest;
import cosmos.slashing.v1beta1.QueryParamsResponse;

/** cosmos.slashing.v1beta1.Query/Params; LegacyDec fields are the bytes of the wire integer string. */
@GrpcService
public class SlashingGrpcService extends MutinyQueryGrpc.QueryImplBase {

    static final BigDecimal SLASH_FRACTION_DOUBLE_SIGN = new BigDecimal("0.05");
    static final BigDecimal SLASH_FRACTION_DOWNTIME = new BigDecimal("0.01");

    private final ChainEngine engine;

    public SlashingGrpcService(ChainEngine engine) {
        this.engine = engine;
    }

    @Override
    public Uni<QueryParamsResponse> params(QueryParamsRequest request) {
        return Uni.createFrom().item(() -> {
            ChainParams p = engine.params();
            return QueryParamsResponse.newBuilder().setParams(Params.newBuilder()
                    .setSignedBlocksWindow(p.signedBlocksWindow())
                    .setMinSignedPerWindow(dec(p.minSignedPerWindow()))
                    .setDowntimeJailDuration(ProtoMapper.duration(p.downtimeJailDuration()))
                    .setSlashFractionDoubleSign(dec(SLASH_FRACTION_DOUBLE_SIGN))
                    .setSlashFractionDowntime(dec(SLASH_FRACTION_DOWNTIME))).build();
        });
    }

    /** x/slashing Query/SigningInfo by {@code omnivalcons...} address; NOT_FOUND when none is kept. */
    @Override
    public Uni<cosmos.slashing.v1beta1.QuerySigningInfoResponse> signingInfo(
            cosmos.slashing.v1beta1.QuerySigningInfoRequest request) {
        return Uni.createFrom().item(() -> {
            byte[] address;
            try {
                address = network.omniphi.devnet.domain.Addresses.parseConsensus(request.getConsAddress());
            } catch (network.omniphi.devnet.domain.ChainException e) {
                throw GrpcErrors.of(io.grpc.Status.INVALID_ARGUMENT, e.rawLog());
            }
            var info = engine.signingInfo(address).orElseThrow(() -> GrpcErrors.of(io.grpc.Status.NOT_FOUND,
                    "SigningInfo not found for validator " + request.getConsAddress()));
            return cosmos.slashing.v1beta1.QuerySigningInfoResponse.newBuilder().setValSigningInfo(
                    cosmos.slashing.v1beta1.ValidatorSigningInfo.newBuilder()
                            .setAddress(network.omniphi.devnet.domain.Addresses.consensus(info.consensusAddress()))
                            .setStartHeight(info.startHeight()).setIndexOffset(info.indexOffset())
                            .setJailedUntil(ProtoMapper.timestamp(info.jailedUntil()))
                            .setTombstoned(info.tombstoned()).setMissedBlocksCounter(info.missedBlocksCounter()))
                    .build();
        });
    }

    private static ByteString dec(BigDecimal value) {
        return ByteString.copyFrom(Dec.toWire(value), StandardCharsets.US_ASCII);
    }
}
