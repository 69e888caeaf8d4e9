package network.omniphi.gateway.infra;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.google.protobuf.ByteString;

import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

import network.omniphi.gateway.domain.BroadcastResult;
import network.omniphi.gateway.domain.ChainGateway;
import network.omniphi.gateway.domain.ChainInfo;
import network.omniphi.gateway.domain.CreateValidatorTxCommand;
import network.omniphi.gateway.domain.JailBudget;
import network.omniphi.gateway.domain.SetupRequest;
import network.omniphi.gateway.domain.UnsignedCreateValidatorTx;
import network.omniphi.gateway.domain.ValidatorNode;
import network.omniphi.proto.chain.v1.BroadcastRequest;
import network.omniphi.proto.chain.v1.BuildCreateValidatorTxRequest;
import network.omniphi.proto.chain.v1.BuildCreateValidatorTxResponse;
import network.omniphi.proto.chain.v1.ChainService;
import network.omniphi.proto.chain.v1.Coin;
import network.omniphi.proto.chain.v1.GetValidatorInfoRequest;
import network.omniphi.proto.chain.v1.SignMode;

/** {@link ChainGateway} over the chain service's internal gRPC API. */
@ApplicationScoped
public class GrpcChainGateway implements ChainGateway {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration BUDGET_TIMEOUT = Duration.ofSeconds(2);

    @GrpcClient("chain-service")
    ChainService chain;

    @Override
    public Uni<UnsignedCreateValidatorTx> buildCreateValidatorTx(SetupRequest setup, ValidatorNode node,
            byte[] signerPubKey, CreateValidatorTxCommand cmd) {
        BuildCreateValidatorTxRequest.Builder req = BuildCreateValidatorTxRequest.newBuilder()
                .setSetupRequestId(setup.id().toString())
                .setWalletAddress(setup.walletAddress())
                .setSignerPubkey(ByteString.copyFrom(signerPubKey))
                .setMoniker(setup.validatorName())
                .setWebsite(setup.website())
                .setDetails(setup.description())
                .setIdentity(cmd.identity() == null ? "" : cmd.identity())
                .setSecurityContact(cmd.securityContact() == null ? "" : cmd.securityContact())
                .setCommissionRate(setup.commissionRate().stripTrailingZeros().toPlainString())
                .setMaxRate(cmd.maxRate())
                .setMaxChangeRate(cmd.maxChangeRate())
                .setMinSelfDelegation(cmd.minSelfDelegation())
                .setSelfDelegation(Coin.newBuilder().setDenom(cmd.selfDelegationDenom())
                        .setAmount(cmd.selfDelegationAmount()))
                .setConsensusPubkey(setup.consensusPubkey())
                .setSignMode("amino".equals(cmd.signMode()) ? SignMode.SIGN_MODE_AMINO : SignMode.SIGN_MODE_DIRECT);
        if (node != null && node.rpcEndpoint() != null) {
            req.setNodeRpcEndpoint(node.rpcEndpoint());
        }
        return chain.buildCreateValidatorTx(req.build())
                .ifNoItem().after(TIMEOUT).fail()
                .map(GrpcChainGateway::toDomain)
                .onFailure().transform(ChainErrors::toGatewayException);
    }

    @Override
    public Uni<BroadcastResult> broadcast(SetupRequest setup, byte[] txBytes) {
        BroadcastRequest req = BroadcastRequest.newBuilder()
                .setSetupRequestId(setup.id().toString())
                .setWalletAddress(setup.walletAddress())
                .setConsensusPubkey(setup.consensusPubkey())
                .setTxBytes(ByteString.copyFrom(txBytes))
                .build();
        return chain.broadcast(req)
                .ifNoItem().after(TIMEOUT).fail()
                .map(r -> new BroadcastResult(r.getTxHash(), r.getCode(), r.getHeight(), r.getRawLog(),
                        r.getCodespace()))
                .onFailure().transform(ChainErrors::toGatewayException);
    }

    @Override
    public Uni<UnsignedCreateValidatorTx> buildUnjailTx(SetupRequest setup, ValidatorNode node, byte[] signerPubKey,
            String signMode) {
        network.omniphi.proto.chain.v1.BuildUnjailTxRequest.Builder req = network.omniphi.proto.chain.v1.BuildUnjailTxRequest
                .newBuilder().setSetupRequestId(setup.id().toString())
                .setWalletAddress(setup.walletAddress()).setSignerPubkey(ByteString.copyFrom(signerPubKey))
                .setSignMode("amino".equals(signMode) ? SignMode.SIGN_MODE_AMINO : SignMode.SIGN_MODE_DIRECT);
        if (node != null && node.rpcEndpoint() != null) {
            req.setNodeRpcEndpoint(node.rpcEndpoint());
        }
        return chain.buildUnjailTx(req.build())
                .ifNoItem().after(TIMEOUT).fail()
                .map(r -> new UnsignedCreateValidatorTx(r.getSignDoc().getBodyBytes().toByteArray(),
                        r.getSignDoc().getAuthInfoBytes().toByteArray(), r.getSignDoc().getChainId(),
                        r.getSignDoc().getAccountNumber(), r.getAminoSignDoc().isEmpty() ? null : r.getAminoSignDoc(),
                        r.getGasEstimate(), r.getFee().getDenom(), r.getFee().getAmount(), r.getOperatorAddress(),
                        r.getSequence(), r.getSignMode() == SignMode.SIGN_MODE_AMINO ? "amino" : "direct",
                        java.util.Map.of("jailBudget", budgetMap(r.getJailBudget()))))
                .onFailure().transform(ChainErrors::toGatewayException);
    }

    /** Short deadline: a view must not wait on the chain; without an answer the budget is left out. */
    @Override
    public Uni<java.util.Optional<JailBudget>> jailBudget(String operatorAddress) {
        return chain.getValidatorInfo(network.omniphi.proto.chain.v1.GetValidatorInfoRequest.newBuilder()
                .setOperatorAddress(operatorAddress).build())
                .ifNoItem().after(BUDGET_TIMEOUT).fail()
                .map(r -> r.getFound() && r.hasJailBudget()
                        ? java.util.Optional.of(budget(r.getJailed(), r.getJailBudget()))
                        : java.util.Optional.<JailBudget>empty())
                .onFailure().recoverWithItem(java.util.Optional.empty());
    }

    static JailBudget budget(boolean jailed, network.omniphi.proto.chain.v1.JailBudget j) {
        return new JailBudget(jailed, j.getConsensusAddress(), j.getSignedBlocksWindow(), j.getMaxMissedBlocks(),
                j.getMissedBlocks(), j.getMissesLeft(), j.getSecondsLeft() / 60, j.getUsedPercent(),
                j.getJailedUntil().isEmpty() ? null : java.time.Instant.parse(j.getJailedUntil()), j.getTombstoned());
    }

    private static java.util.Map<String, Object> budgetMap(network.omniphi.proto.chain.v1.JailBudget j) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("consensusAddress", j.getConsensusAddress());
        m.put("signedBlocksWindow", j.getSignedBlocksWindow());
        m.put("maxMissedBlocks", j.getMaxMissedBlocks());
        m.put("missedBlocks", j.getMissedBlocks());
        m.put("missesLeftBlocks", j.getMissesLeft());
        m.put("missesLeftMinutes", j.getSecondsLeft() / 60);
        m.put("usedPercent", j.getUsedPercent());
        m.put("jailedUntil", j.getJailedUntil().isEmpty() ? null : j.getJailedUntil());
        m.put("tombstoned", j.getTombstoned());
        return m;
    }

    public Uni<Optional<ChainInfo>> validator(String operatorAddress, String walletAddress) {
        GetValidatorInfoRequest req = operatorAddress != null && !operatorAddress.isBlank()
                ? GetValidatorInfoRequest.newBuilder().setOperatorAddress(operatorAddress).build()
                : GetValidatorInfoRequest.newBuilder().setWalletAddress(walletAddress).build();
        return chain.getValidatorInfo(req)
                .ifNoItem().after(TIMEOUT).fail()
                .map(r -> r.getFound()
                        ? Optional.of(new ChainInfo(r.getOperatorAddress(), r.getIsActiveValidator(),
                                r.getVotingPower(), r.getJailed(), null, null))
                        : Optional.<ChainInfo>empty())
                .onFailure().transform(ChainErrors::toGatewayException);
    }

    private static UnsignedCreateValidatorTx toDomain(BuildCreateValidatorTxResponse r) {
        return new UnsignedCreateValidatorTx(r.getSignDoc().getBodyBytes().toByteArray(),
                r.getSignDoc().getAuthInfoBytes().toByteArray(), r.getSignDoc().getChainId(),
                r.getSignDoc().getAccountNumber(), r.getAminoSignDoc().isEmpty() ? null : r.getAminoSignDoc(),
                r.getGasEstimate(), r.getFee().getDenom(), r.getFee().getAmount(), r.getOperatorAddress(),
                r.getSequence(),
                r.getSignMode() == SignMode.SIGN_MODE_AMINO ? "amino" : "direct",
                PreflightMapper.toMap(r.getPreflight()));
    }
}
