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
import network.omniphi.chain.domain.model.SigningInfo;
import network.omniphi.chain.domain.model.SlashingParams;
import network.omniphi.chain.domain.model.StakingParams;
import network.omniphi.chain.domain.model.TxLookup;
import network.omniphi.chain.domain.model.TxResult;
import network.omniphi.chain.domain.model.ValidatorState;
import network.omniphi.chain.domain.port.ChainPort;

import cosmos.auth.v1beta1.BaseAccount;
import cosmos.auth.v1beta1.QueryAccountInfoRequest;
import cosmos.auth.v1beta1.QueryAccountRequest;
import cosmos.bank.v1beta1.QueryBalanceRequest;
import cosmos.bank.v1beta1.QuerySpendableBalanceByDenomRequest;
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

    /**
     * Account number and sequence of any account type: {@code auth.Query/AccountInfo} (cosmos-sdk v0.47+,
     * {@code x/auth/keeper/grpc_query.go}) answers the BaseAccount of vesting and other accounts alike; nodes without
     * it (UNIMPLEMENTED) are asked {@code Query/Account}, whose BaseAccount or vesting account is unpacked here.
     */
    @Override
    public Uni<Optional<Account>> account(String address) {
        return optional(auth.accountInfo(QueryAccountInfoRequest.newBuilder().setAddress(address).build())
                .map(r -> new Account(r.getInfo().getAccountNumber(), r.getInfo().getSequence()))
                .onFailure(CosmosChainClient::isUnimplemented).recoverWithUni(e -> legacyAccount(address)));
    }

    private Uni<Account> legacyAccount(String address) {
        return auth.account(QueryAccountRequest.newBuilder().setAddress(address).build()).map(resp -> {
            BaseAccount a = baseAccountOf(resp.getAccount());
            return new Account(a.getAccountNumber(), a.getSequence());
        });
    }

    static BaseAccount baseAccountOf(com.google.protobuf.Any any) {
        try {
            return switch (any.getTypeUrl()) {
                case BASE_ACCOUNT_URL -> BaseAccount.parseFrom(any.getValue());
                case "/cosmos.vesting.v1beta1.DelayedVestingAccount" -> cosmos.vesting.v1beta1.DelayedVestingAccount
                        .parseFrom(any.getValue()).getBaseVestingAccount().getBaseAccount();
                case "/cosmos.vesting.v1beta1.ContinuousVestingAccount" ->
                    cosmos.vesting.v1beta1.ContinuousVestingAccount.parseFrom(any.getValue())
                            .getBaseVestingAccount().getBaseAccount();
                default -> throw new ChainException.Refused(ChainError.TX_REJECTED, "unsupported account type "
                        + any.getTypeUrl() + " and the node does not serve auth.Query/AccountInfo");
            };
        } catch (InvalidProtocolBufferException e) {
            throw new ChainException.Unavailable(ChainError.CHAIN_UNAVAILABLE, "malformed account from chain", e);
        }
    }

    @Override
    public Uni<BigInteger> balance(String address, String denom) {
        return call(bank.balance(QueryBalanceRequest.newBuilder().setAddress(address).setDenom(denom).build()))
                .map(r -> CosmosMessages.integer(r.getBalance().getAmount()));
    }

    /**
     * {@code bank.Query/SpendableBalanceByDenom} (cosmos-sdk v0.47+): the balance minus coins locked by vesting, which
     * is all fees can be paid from (x/bank {@code SendCoins} checks spendable coins); the plain balance on nodes
     * without it.
     */
    @Override
    public Uni<BigInteger> spendable(String address, String denom) {
        return call(bank.spendableBalanceByDenom(QuerySpendableBalanceByDenomRequest.newBuilder()
                .setAddress(address).setDenom(denom).build())
                .map(r -> CosmosMessages.integer(r.getBalance().getAmount()))
                .onFailure(CosmosChainClient::isUnimplemented).recoverWithUni(e -> balance(address, denom)));
    }

    private static boolean isUnimplemented(Throwable e) {
        return e instanceof StatusRuntimeException s && s.getStatus().getCode() == Status.Code.UNIMPLEMENTED;
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

    /** x/slashing Query/SigningInfo (cosmos-sdk v0.50 {@code x/slashing/keeper/grpc_query.go}): NotFound = none. */
    @Override
    public Uni<Optional<SigningInfo>> signingInfo(String consensusAddress) {
        return optional(slashing.signingInfo(cosmos.slashing.v1beta1.QuerySigningInfoRequest.newBuilder()
                .setConsAddress(consensusAddress).build())).map(r -> r.map(resp -> {
                    var i = resp.getValSigningInfo();
                    return new SigningInfo(i.getAddress().isEmpty() ? consensusAddress : i.getAddress(),
                            i.getStartHeight(), i.getIndexOffset(), instant(i.getJailedUntil()), i.getTombstoned(),
                            i.getMissedBlocksCounter());
                }));
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

    /**
     * SYNC broadcast. A deadline passed after the request left means the node may have taken the tx into its mempool
     * (CometBFT 0.38 {@code rpc/core/mempool.go} BroadcastTxSync answers only after CheckTx): reported as
     * {@code BROADCAST_OUTCOME_UNKNOWN} so the caller tracks the tx instead of calling it failed.
     */
    @Override
    public Uni<BroadcastResult> broadcastSync(byte[] txBytes) {
        var request = BroadcastTxRequest.newBuilder().setTxBytes(ByteString.copyFrom(txBytes))
                .setMode(BroadcastMode.BROADCAST_MODE_SYNC).build();
        return tx.broadcastTx(request)
                .ifNoItem().after(TIMEOUT).failWith(() -> Status.DEADLINE_EXCEEDED.asRuntimeException())
                .onFailure(e -> !(e instanceof ChainException)).transform(e -> isDeadline(e)
                        ? new ChainException.Unavailable(ChainError.BROADCAST_OUTCOME_UNKNOWN,
                                "no answer from the chain node in time; the tx may be in its mempool", e)
                        : unavailable(e))
                .map(r -> r.getTxResponse()).map(t -> new BroadcastResult(
                        t.getTxhash(), t.getCode(), t.getCodespace(), t.getHeight(), t.getRawLog()));
    }

    /**
     * GetTx. cosmos-sdk v0.50 {@code x/auth/tx/service.go} answers NotFound only when CometBFT says "not found"; with
     * {@code tx_index.indexer = "null"} CometBFT 0.38 ({@code rpc/core/tx.go}) answers "transaction indexing is
     * disabled", which reaches us as gRPC Unknown: that is {@link TxLookup.IndexUnavailable}, not a failure.
     */
    @Override
    public Uni<TxLookup> tx(String hash) {
        return tx.getTx(GetTxRequest.newBuilder().setHash(hash).build())
                .ifNoItem().after(TIMEOUT).failWith(() -> Status.DEADLINE_EXCEEDED.asRuntimeException())
                .<TxLookup>map(g -> g.hasTxResponse() && g.getTxResponse().getHeight() > 0
                        ? new TxLookup.Included(new TxResult(hash, g.getTxResponse().getHeight(),
                                g.getTxResponse().getCode(), g.getTxResponse().getCodespace(),
                                g.getTxResponse().getRawLog()))
                        : new TxLookup.NotFound())
                .onFailure(CosmosChainClient::isNotFound).recoverWithItem(new TxLookup.NotFound())
                .onFailure(e -> !isDown(e) && !(e instanceof ChainException))
                .recoverWithItem(e -> new TxLookup.IndexUnavailable(describe(e)))
                .onFailure(e -> !(e instanceof ChainException)).transform(CosmosChainClient::unavailable);
    }

    private static boolean isDeadline(Throwable e) {
        return e instanceof StatusRuntimeException s && s.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED;
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
