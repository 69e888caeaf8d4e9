package network.omniphi.gateway.testing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.smallrye.mutiny.Uni;

import network.omniphi.gateway.domain.BroadcastResult;
import network.omniphi.gateway.domain.ChainGateway;
import network.omniphi.gateway.domain.ChainInfo;
import network.omniphi.gateway.domain.CreateValidatorTxCommand;
import network.omniphi.gateway.domain.JailBudget;
import network.omniphi.gateway.domain.SetupRequest;
import network.omniphi.gateway.domain.UnsignedCreateValidatorTx;
import network.omniphi.gateway.domain.ValidatorNode;

/**
 * chain-service as the overdue sweep sees it, for test profiles that enable this alternative (it is off otherwise): validators a test put
 * on "the chain" by wallet, and how often each wallet was asked for. Building and broadcasting are not used there.
 */
@Alternative
@ApplicationScoped
public class FakeChainGateway implements ChainGateway {

    public static final Map<String, ChainInfo> VALIDATORS = new ConcurrentHashMap<>();
    public static final Map<String, AtomicInteger> QUERIES = new ConcurrentHashMap<>();

    @Override
    public Uni<UnsignedCreateValidatorTx> buildCreateValidatorTx(SetupRequest setup, ValidatorNode node,
            byte[] signerPubKey, CreateValidatorTxCommand cmd) {
        return Uni.createFrom().failure(new UnsupportedOperationException("not used by the overdue tests"));
    }

    @Override
    public Uni<BroadcastResult> broadcast(SetupRequest setup, byte[] txBytes) {
        return Uni.createFrom().failure(new UnsupportedOperationException("not used by the overdue tests"));
    }

    @Override
    public Uni<UnsignedCreateValidatorTx> buildUnjailTx(SetupRequest setup, ValidatorNode node, byte[] signerPubKey,
            String signMode) {
        return Uni.createFrom().failure(new UnsupportedOperationException("not used by the overdue tests"));
    }

    @Override
    public Uni<Optional<JailBudget>> jailBudget(String operatorAddress) {
        return Uni.createFrom().item(Optional.empty());
    }

    @Override
    public Uni<Optional<ChainInfo>> validator(String operatorAddress, String walletAddress) {
        QUERIES.computeIfAbsent(walletAddress, w -> new AtomicInteger()).incrementAndGet();
        return Uni.createFrom().item(Optional.ofNullable(VALIDATORS.get(walletAddress)));
    }
}
