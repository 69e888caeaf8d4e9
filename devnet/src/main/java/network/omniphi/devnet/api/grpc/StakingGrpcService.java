package network.omniphi.devnet.api.grpc;

import java.util.List;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

import network.omniphi.devnet.domain.Addresses;
import network.omniphi.devnet.domain.ChainEngine;
import network.omniphi.devnet.domain.ChainException;
import network.omniphi.devnet.domain.ChainParams;
import network.omniphi.devnet.domain.Dec;

import cosmos.base.query.v1beta1.PageResponse;
import cosmos.staking.v1beta1.BondStatus;
import cosmos.staking.v1beta1.MutinyQueryGrpc;
import cosmos.staking.v1beta1.Params;
import cosmos.staking.v1beta1.QueryParamsRequest;
import cosmos.staking.v1beta1.QueryParamsResponse;
import cosmos.staking.v1beta1.QueryValidatorRequest;
import cosmos.staking.v1beta1.QueryValidatorResponse;
import cosmos.staking.v1beta1.QueryValidatorsRequest;
import cosmos.staking.v1beta1.QueryValidatorsResponse;

/** cosmos.staking.v1beta1.Query: Validators (optional status filter), Validator and Params. */
@GrpcService
public class StakingGrpcService extends MutinyQueryGrpc.QueryImplBase {

    private static final int MAX_ENTRIES = 7;
    private static final int HISTORICAL_ENTRIES = 10_000;

    private final ChainEngine engine;

    public StakingGrpcService(ChainEngine engine) {
        this.engine = engine;
    }

    @Override
    public Uni<QueryValidatorsResponse> validators(QueryValidatorsRequest request) {
        return Uni.createFrom().item(() -> {
            BondStatus filter = statusFilter(request.getStatus());
            List<cosmos.staking.v1beta1.Validator> validators = engine.validators().stream()
                    .map(ProtoMapper::validator)
                    .filter(v -> filter == null || v.getStatus() == filter).toList();
            return QueryValidatorsResponse.newBuilder().addAllValidators(validators)
                    .setPagination(PageResponse.newBuilder().setTotal(validators.size())).build();
        });
    }

    @Override
    public Uni<QueryValidatorResponse> validator(QueryValidatorRequest request) {
        return Uni.createFrom().item(() -> {
            byte[] operator;
            try {
                operator = Addresses.parseOperator(request.getValidatorAddr());
            } catch (ChainException e) {
                throw GrpcErrors.of(Status.INVALID_ARGUMENT, e.rawLog());
            }
            return engine.validator(operator)
                    .map(v -> QueryValidatorResponse.newBuilder().setValidator(ProtoMapper.validator(v)).build())
                    .orElseThrow(() -> GrpcErrors.of(Status.NOT_FOUND,
                            "validator " + request.getValidatorAddr() + " not found"));
        });
    }

    @Override
    public Uni<QueryParamsResponse> params(QueryParamsRequest request) {
        return Uni.createFrom().item(() -> {
            ChainParams p = engine.params();
            return QueryParamsResponse.newBuilder().setParams(Params.newBuilder()
                    .setUnbondingTime(ProtoMapper.duration(p.unbondingTime())).setMaxValidators(p.maxValidators())
                    .setMaxEntries(MAX_ENTRIES).setHistoricalEntries(HISTORICAL_ENTRIES)
                    .setBondDenom(p.bondDenom()).setMinCommissionRate(Dec.toWire(p.minCommissionRate()))).build();
        });
    }

    private static BondStatus statusFilter(String status) {
        if (status.isEmpty()) {
            return null;
        }
        try {
            BondStatus parsed = BondStatus.valueOf(status);
            if (parsed != BondStatus.BOND_STATUS_UNSPECIFIED) {
                return parsed;
            }
        } catch (IllegalArgumentException e) {
            // fall through to the SDK's error
        }
        throw GrpcErrors.of(Status.INVALID_ARGUMENT, "invalid validator status " + status);
    }
}
