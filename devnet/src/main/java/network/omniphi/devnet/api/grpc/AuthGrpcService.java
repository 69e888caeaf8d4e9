package network.omniphi.devnet.api.grpc;

import com.google.protobuf.ByteString;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

import network.omniphi.devnet.domain.Addresses;
import network.omniphi.devnet.domain.ChainEngine;
import network.omniphi.devnet.domain.ChainException;
import network.omniphi.devnet.domain.state.Account;

import cosmos.auth.v1beta1.BaseAccount;
import cosmos.auth.v1beta1.MutinyQueryGrpc;
import cosmos.auth.v1beta1.QueryAccountRequest;
import cosmos.auth.v1beta1.QueryAccountResponse;

/** cosmos.auth.v1beta1.Query/Account: a BaseAccount packed in Any, NOT_FOUND for accounts never funded. */
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
            return QueryAccountResponse.newBuilder().setAccount(ProtoMapper.pack(baseAccount(account))).build();
        });
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
