package network.omniphi.chain.infra.cosmos;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

import network.omniphi.chain.domain.ChainError;
import network.omniphi.chain.domain.ChainException;
import network.omniphi.chain.domain.LegacyDec;
import network.omniphi.chain.domain.model.Account;
import network.omniphi.chain.domain.model.BroadcastResult;
import network.omniphi.chain.domain.model.ChainHead;
import network.omniphi.chain.domain.model.SlashingParams;
import network.omniphi.chain.domain.model.StakingParams;
import network.omniphi.chain.domain.model.TxResult;
import network.omniphi.chain.domain.model.ValidatorState;
import network.omniphi.chain.domain.port.ChainPort;

import cosmos.auth.v1beta1.BaseAccount;
import cosmos.auth.v1beta1.QueryAccountRequest;
import cosmos.bank.v1beta1.QueryBalanceRequest;
import cosmos.base.query.v1beta1.PageRequest;
import cosmos.base.tendermint.v1beta1.GetLatestBlockRequest;
import cosmos.base.tendermint.v1beta1.GetLatestBlockResponse;
import cosmos.staking.v1beta1.QueryValidatorRequest;
import cosmos.staking.v1beta1.QueryValidatorsRequest;
import cosmos.tx.v1beta1.BroadcastMode;
import cosmos.tx.v1beta1.BroadcastTxRequest;
import cosmos.tx.v1beta1.GetTxRequest;
import cosmos.tx.v1beta1.SimulateRequest;

/** The chain node's gRPC services (client {@code chain}), through the Cosmos Mutiny stubs. */
@ApplicationScoped
public class CosmosChainClient implements ChainPort {

    private static final String BASE_ACCOUNT_URL = "/cosmos.auth.v1beta1.BaseAccount";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int PAGE = 200;

    @GrpcClient("chain")
    cosmos.auth.v1beta1.Query auth;
    @GrpcClient("chain")
    cosmos.bank.v1beta1.Query bank;
    @GrpcClient("chain")
    cosmos.staking.v1beta1.Query staking;
    @GrpcClient("chain")
    cosmos.slashing.v1beta1.Query slashing;
    @GrpcClient("chain")
    cosmos.tx.v1beta1.Service tx;
    @GrpcClient("chain")
    cosmos.base.tendermint.v1beta1.Service tendermint;

    @Override
    public Uni<ChainHead> head() {
        return call(tendermint.getLatestBlock(GetLatestBlockRequest.getDefaultInstance()))
                .map(CosmosChainClient::head);
    }

    private static ChainHead head(GetLatestBlockResponse r) {
        if (r.hasSdkBlock()) {
            var h = r.getSdkBlock().getHeader();
            return new ChainHead(h.getChainId(), h.getHeight(), instant(h.getTime()));
        }
        var h = r.getBlock().getHeader();
        return new ChainHead(h.getChainId(), h.getHeight(), instant(h.getTime()));
    }

    private static Instant instant(com.google.protobuf.Timestamp ts) {
        return Instant.ofEpochSecond(ts.getSeconds(), ts.getNanos());
    }

    @Override
    public Uni<Optional<Account>> account(String address) {
        return optional(auth.account(QueryAccountRequest.newBuilder().setAddress(address).build())).map(r -> r.map(
                resp -> {
                    if (!BASE_ACCOUNT_URL.equals(resp.getAccount().getTypeUrl())) {
                        throw new ChainException.Refused(ChainError.TX_REJECTED,
                                "unsupported account type " + resp.getAccount().getTypeUrl());
                    }
                    BaseAccount a = parseAccount(resp.getAccount().getValue());
                    return new Account(a.getAccountNumber(), a.getSequence());
                }));
    }

    private static BaseAccount parseAccount(ByteString bytes) {
        try {
            return BaseAccount.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new ChainException.Unavailable(ChainError.CHAIN_UNAVAILABLE, "malformed account from chain", e);
        }
    }

    @Override
    public Uni<BigInteger> balance(String address, String denom) {
        return call(bank.balance(QueryBalanceRequest.newBuilder().setAddress(address).setDenom(denom).build()))
                .map(r -> CosmosMessages.integer(r.getBalance().getAmount()));
    }

    @Override
    public Uni<StakingParams> stakingParams() {
        return call(staking.params(cosmos.staking.v1beta1.QueryParamsRequest.getDefaultInstance()))
                .map(r -> new StakingParams(r.getParams().getBondDenom(), r.getParams().getMaxValidators(),
                        LegacyDec.fromProto(r.getParams().getMinCommissionRate())));
    }

    @Override
    public Uni<SlashingParams> slashingParams() {
        return call(slashing.params(cosmos.slashing.v1beta1.QueryParamsRequest.getDefaultInstance()))
                .map(r -> new SlashingParams(r.getParams().getSignedBlocksWindow(),
                        LegacyDec.fromProto(r.getParams().getMinSignedPerWindow().toStringUtf8())));
    }

    @Override
    public Uni<Optional<ValidatorState>> validator(String operatorAddress) {
        return optional(staking.validator(QueryValidatorRequest.newBuilder().setValidatorAddr(operatorAddress).build()))
                .map(r -> r.filter(v -> v.hasValidator()).map(v -> ValidatorMapper.toDomain(v.getValidator())));
    }

    @Override
    public Uni<List<ValidatorState>> validators() {
        return page(ByteString.EMPTY, new ArrayList<>());
    }

    private Uni<List<ValidatorState>> page(ByteString key, List<ValidatorState> acc) {
        var request = QueryValidatorsRequest.newBuilder()
                .setPagination(PageRequest.newBuilder().setKey(key).setLimit(PAGE)).build();
        return call(staking.validators(request)).flatMap(r -> {
            r.getValidatorsList().forEach(v -> acc.add(ValidatorMapper.toDomain(v)));
            ByteString next = r.getPagination().getNextKey();
            return next.isEmpty() ? Uni.createFrom().item(List.copyOf(acc)) : page(next, acc);
        });
    }

    @Override
    public Uni<Long> simulate(byte[] txBytes) {
        return tx.simulate(SimulateRequest.newBuilder().setTxBytes(ByteString.copyFrom(txBytes)).build())
                .ifNoItem().after(TIMEOUT).failWith(() -> Status.DEADLINE_EXCEEDED.asRuntimeException())
                .onFailure().transform(e -> isDown(e)
                        ? unavailable(e)
                        : new ChainException.Refused(
                                ChainError.TX_REJECTED, "simulation failed: " + describe(e)))
                .map(r -> r.getGasInfo().getGasUsed());
    }

    @Override
    public Uni<BroadcastResult> broadcastSync(byte[] txBytes) {
        var request = BroadcastTxRequest.newBuilder().setTxBytes(ByteString.copyFrom(txBytes))
                .setMode(BroadcastMode.BROADCAST_MODE_SYNC).build();
        return call(tx.broadcastTx(request)).map(r -> r.getTxResponse()).map(t -> new BroadcastResult(
                t.getTxhash(), t.getCode(), t.getCodespace(), t.getHeight(), t.getRawLog()));
    }

    @Override
    public Uni<Optional<TxResult>> tx(String hash) {
        return optional(tx.getTx(GetTxRequest.newBuilder().setHash(hash).build()))
                .map(r -> r.filter(g -> g.hasTxResponse() && g.getTxResponse().getHeight() > 0)
                        .map(g -> g.getTxResponse())
                        .map(t -> new TxResult(hash, t.getHeight(), t.getCode(), t.getCodespace(), t.getRawLog())));
    }

    private static <T> Uni<T> call(Uni<T> uni) {
        return uni.ifNoItem().after(TIMEOUT).failWith(() -> Status.DEADLINE_EXCEEDED.asRuntimeException())
                .onFailure(e -> !(e instanceof ChainException)).transform(CosmosChainClient::unavailable);
    }

    /** NOT_FOUND (and the SDK's "not found" INVALID_ARGUMENT for unknown keys) as empty. */
    private static <T> Uni<Optional<T>> optional(Uni<T> uni) {
        return uni.map(Optional::of)
                .onFailure(CosmosChainClient::isNotFound).recoverWithItem(Optional.empty())
                .ifNoItem().after(TIMEOUT).failWith(() -> Status.DEADLINE_EXCEEDED.asRuntimeException())
                .onFailure(e -> !(e instanceof ChainException)).transform(CosmosChainClient::unavailable);
    }

    private static boolean isNotFound(Throwable e) {
        return e instanceof StatusRuntimeException s && s.getStatus().getCode() == Status.Code.NOT_FOUND;
    }

    private static boolean isDown(Throwable e) {
        if (!(e instanceof StatusRuntimeException s)) {
            return true;
        }
        Status.Code code = s.getStatus().getCode();
        return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED
                || code == Status.Code.UNKNOWN && s.getCause() != null;
    }

    private static ChainException unavailable(Throwable e) {
        return new ChainException.Unavailable(ChainError.CHAIN_UNAVAILABLE, "chain node unavailable: " + describe(e),
                e);
    }

    private static String describe(Throwable e) {
        return e instanceof StatusRuntimeException s
                ? s.getStatus().getCode() + " " + (s.getStatus().getDescription() == null
                        ? ""
                        : s.getStatus().getDescription())
                : e.getClass().getSimpleName() + " " + e.getMessage();
    }
}
