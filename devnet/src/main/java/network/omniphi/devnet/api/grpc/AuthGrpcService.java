package network.omniphi.devnet.api.grpc;

import com.google.protobuf.ByteString;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

import network.omniphi.devnet.domain.Addresses;
import network.omniphi.devnet.domain.ChainEngine;
import network.omniphi.devnet.domain.ChainException;
import network.omniphi.devnet.domain.state.Account;
import network.omniphi.devnet.domain.state.Vesting;

import cosmos.auth.v1beta1.BaseAccount;
import cosmos.auth.v1beta1.MutinyQueryGrpc;
import cosmos.auth.v1beta1.QueryAccountInfoRequest;
import cosmos.auth.v1beta1.QueryAccountInfoResponse;
import cosmos.auth.v1beta1.QueryAccountRequest;
import cosmos.auth.v1beta1.QueryAccountResponse;
import cosmos.vesting.v1beta1.BaseVestingAccount;
import cosmos.vesting.v1beta1.DelayedVestingAccount;

/**
 * cosmos.auth.v1beta1.Query: Account (a BaseAccount, or a DelayedVestingAccount for genesis vesting accounts, packed
 * in Any; NOT_FOUND for accounts never funded) and AccountInfo (the BaseAccount whatever the type).
 */
@GrpcService
public class AuthGrpcService extends MutinyQueryGrpc.QueryImplBase {

    private final ChainEngine engine;

    public AuthGrpcService(ChainEngine engine) {
        this.engine = engine;
    }

    @Override
    public Uni<QueryAccountResponse> account(QueryAccountRequest request) {
        return Uni.createFrom().item(() -> {
            byte[] address = parse(request.getAddress());
            Account account = engine.account(address).orElseThrow(() -> GrpcErrors.of(Status.NOT_FOUND,
                    "account " + request.getAddress() + " not found"));
            var vesting = engine.vesting(address);
            return QueryAccountResponse.newBuilder().setAccount(vesting.isPresent()
                    ? ProtoMapper.pack(delayedVesting(account, vesting.get()))
                    : ProtoMapper.pack(baseAccount(account))).build();
        });
    }

    /** auth.Query/AccountInfo (SDK v0.47+): the BaseAccount of any account type. */
    @Override
    public Uni<QueryAccountInfoResponse> accountInfo(QueryAccountInfoRequest request) {
        return Uni.createFrom().item(() -> {
            byte[] address = parse(request.getAddress());
            Account account = engine.account(address).orElseThrow(() -> GrpcErrors.of(Status.NOT_FOUND,
                    "account " + request.getAddress() + " not found"));
            return QueryAccountInfoResponse.newBuilder().setInfo(baseAccount(account)).build();
        });
    }

    private DelayedVestingAccount delayedVesting(Account account, Vesting vesting) {
        String denom = engine.params().bondDenom();
        return DelayedVestingAccount.newBuilder().setBaseVestingAccount(BaseVestingAccount.newBuilder()
                .setBaseAccount(baseAccount(account))
                .addOriginalVesting(coin(denom, vesting.originalVesting()))
                .addAllDelegatedVesting(vesting.delegatedVesting().signum() > 0
                        ? java.util.List.of(coin(denom, vesting.delegatedVesting()))
                        : java.util.List.of())
                .setEndTime(vesting.endTime().getEpochSecond())).build();
    }

    private static cosmos.base.v1beta1.Coin coin(String denom, java.math.BigInteger amount) {
        return cosmos.base.v1beta1.Coin.newBuilder().setDenom(denom).setAmount(amount.toString()).build();
    }

    static byte[] parse(String address) {
        try {
            return Addresses.parseAccount(address);
        } catch (ChainException e) {
            throw GrpcErrors.of(Status.INVALID_ARGUMENT, e.rawLog());
        }
    }

    private static BaseAccount baseAccount(Account account) {
        BaseAccount.Builder builder = BaseAccount.newBuilder().setAddress(Addresses.account(account.address()))
                .setAccountNumber(account.number()).setSequence(account.sequence());
        if (account.publicKey() != null) {
            builder.setPubKey(ProtoMapper.pack(cosmos.crypto.secp256k1.PubKey.newBuilder()
                    .setKey(ByteString.copyFrom(account.publicKey())).build()));
        }
        return builder.build();
    }
}
