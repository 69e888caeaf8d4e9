package network.omniphi.devnet.api.grpc;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

import network.omniphi.devnet.domain.ChainEngine;
import network.omniphi.devnet.domain.Coins;

import cosmos.bank.v1beta1.MutinyQueryGrpc;
import cosmos.bank.v1beta1.QueryBalanceRequest;
import cosmos.bank.v1beta1.QueryBalanceResponse;
import cosmos.bank.v1beta1.QuerySpendableBalanceByDenomRequest;
import cosmos.bank.v1beta1.QuerySpendableBalanceByDenomResponse;
import cosmos.base.v1beta1.Coin;

/** cosmos.bank.v1beta1.Query/Balance: zero for unknown accounts or denoms, as the SDK answers. */
@GrpcService
public class BankGrpcService extends MutinyQueryGrpc.QueryImplBase {

    private final ChainEngine engine;

    public BankGrpcService(ChainEngine engine) {
        this.engine = engine;
    }

    @Override
    public Uni<QueryBalanceResponse> balance(QueryBalanceRequest request) {
        return Uni.createFrom().item(() -> {
            byte[] address = AuthGrpcService.parse(request.getAddress());
            if (!Coins.isValidDenom(request.getDenom())) {
                throw GrpcErrors.of(Status.INVALID_ARGUMENT, "invalid denom: '" + request.getDenom() + "'");
            }
            String amount = engine.balance(address, request.getDenom()).toString();
            return QueryBalanceResponse.newBuilder()
                    .setBalance(Coin.newBuilder().setDenom(request.getDenom()).setAmount(amount)).build();
        });
    }

    /** SDK v0.47+: the balance minus coins still locked by vesting. */
    @Override
    public Uni<QuerySpendableBalanceByDenomResponse> spendableBalanceByDenom(
            QuerySpendableBalanceByDenomRequest request) {
        return Uni.createFrom().item(() -> {
            byte[] address = AuthGrpcService.parse(request.getAddress());
            if (!Coins.isValidDenom(request.getDenom())) {
                throw GrpcErrors.of(Status.INVALID_ARGUMENT, "invalid denom: '" + request.getDenom() + "'");
            }
            String amount = engine.spendable(address, request.getDenom()).toString();
            return QuerySpendableBalanceByDenomResponse.newBuilder()
                    .setBalance(Coin.newBuilder().setDenom(request.getDenom()).setAmount(amount)).build();
        });
    }
}
