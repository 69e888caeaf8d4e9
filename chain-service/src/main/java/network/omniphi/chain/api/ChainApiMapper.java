package network.omniphi.chain.api;

import java.util.Optional;

import com.google.protobuf.ByteString;

import network.omniphi.chain.domain.BuiltTx;
import network.omniphi.chain.domain.CreateValidatorInput;
import network.omniphi.chain.domain.LegacyDec;
import network.omniphi.chain.domain.UnjailTxService;
import network.omniphi.chain.domain.ValidatorInfoService;
import network.omniphi.chain.domain.model.BroadcastResult;
import network.omniphi.chain.domain.model.Coin;
import network.omniphi.chain.domain.model.JailBudget;
import network.omniphi.chain.domain.model.Preflight;
import network.omniphi.chain.domain.model.SignMode;
import network.omniphi.chain.domain.model.ValidatorState;
import network.omniphi.proto.chain.v1.ActiveSet;
import network.omniphi.proto.chain.v1.BroadcastResponse;
import network.omniphi.proto.chain.v1.BuildCreateValidatorTxRequest;
import network.omniphi.proto.chain.v1.BuildCreateValidatorTxResponse;
import network.omniphi.proto.chain.v1.BuildUnjailTxRequest;
import network.omniphi.proto.chain.v1.BuildUnjailTxResponse;
import network.omniphi.proto.chain.v1.GetValidatorInfoResponse;
import network.omniphi.proto.chain.v1.NodeSync;
import network.omniphi.proto.chain.v1.SignDoc;
import network.omniphi.proto.chain.v1.SlashingTolerance;

/** omniphi.chain.v1 messages to and from the domain. */
final class ChainApiMapper {

    private ChainApiMapper() {
    }

    static CreateValidatorInput toInput(BuildCreateValidatorTxRequest r) {
        SignMode mode = switch (r.getSignMode()) {
            case SIGN_MODE_AMINO -> SignMode.AMINO;
            default -> SignMode.DIRECT;
        };
        return new CreateValidatorInput(r.getSetupRequestId(), r.getWalletAddress(), r.getSignerPubkey().toByteArray(),
                r.getMoniker(), r.getWebsite(), r.getDetails(), r.getIdentity(), r.getSecurityContact(),
                r.getCommissionRate(), r.getMaxRate(), r.getMaxChangeRate(), r.getMinSelfDelegation(),
                r.getSelfDelegation().getDenom(), r.getSelfDelegation().getAmount(), r.getConsensusPubkey(),
                r.getNodeRpcEndpoint(), mode);
    }

    static BuildCreateValidatorTxResponse toResponse(BuiltTx b) {
        return BuildCreateValidatorTxResponse.newBuilder()
                .setSignDoc(SignDoc.newBuilder().setBodyBytes(ByteString.copyFrom(b.signDoc().bodyBytes()))
                        .setAuthInfoBytes(ByteString.copyFrom(b.signDoc().authInfoBytes()))
                        .setChainId(b.signDoc().chainId()).setAccountNumber(b.signDoc().accountNumber()))
                .setAminoSignDoc(b.aminoSignDoc()).setGasEstimate(b.gasEstimate()).setFee(coin(b.fee()))
                .setPreflight(preflight(b.preflight())).setOperatorAddress(b.operatorAddress())
                .setSequence(b.sequence())
                .setSignMode(b.signMode() == SignMode.AMINO
                        ? network.omniphi.proto.chain.v1.SignMode.SIGN_MODE_AMINO
                        : network.omniphi.proto.chain.v1.SignMode.SIGN_MODE_DIRECT)
                .build();
    }

    private static network.omniphi.proto.chain.v1.Preflight preflight(Preflight p) {
        var sync = p.nodeSync();
        var set = p.activeSet();
        var slash = p.slashing();
        return network.omniphi.proto.chain.v1.Preflight.newBuilder().setChainId(p.chainId())
                .setBalance(coin(p.balance())).setRequired(coin(p.required()))
                .setBalanceSufficient(p.balanceSufficient())
                .setMinCommissionRate(LegacyDec.toAmino(p.minCommissionRate()))
                .setConsensusKeyFree(p.consensusKeyFree()).setOperatorFree(p.operatorFree())
                .setNodeSync(NodeSync.newBuilder().setChecked(sync.checked()).setNodeHeight(sync.nodeHeight())
                        .setChainHeight(sync.chainHeight()).setLagBlocks(sync.lagBlocks())
                        .setMaxLagBlocks(sync.maxLagBlocks()).setInSync(sync.inSync()))
                .setActiveSet(ActiveSet.newBuilder().setMaxValidators(set.maxValidators())
                        .setBondedValidators(set.bondedValidators()).setSeatPricePower(set.seatPricePower())
                        .setSelfDelegationPower(set.selfDelegationPower())
                        .setEntersActiveSet(set.entersActiveSet()))
                .setSlashing(SlashingTolerance.newBuilder().setSignedBlocksWindow(slash.signedBlocksWindow())
                        .setMinSignedPerWindow(LegacyDec.toAmino(slash.minSignedPerWindow()))
                        .setMaxMissedBlocks(slash.maxMissedBlocks()).setBlockTimeMillis(slash.blockTimeMillis())
                        .setMaxDowntimeSeconds(slash.maxDowntimeSeconds()))
                .addAllWarnings(p.warnings())
                .build();
    }

    static network.omniphi.proto.chain.v1.Coin coin(Coin c) {
        return network.omniphi.proto.chain.v1.Coin.newBuilder().setDenom(c.denom())
                .setAmount(c.amount().toString()).build();
    }

    static BroadcastResponse toResponse(BroadcastResult r) {
        return BroadcastResponse.newBuilder().setTxHash(r.txHash()).setCode(r.code()).setHeight(r.height())
                .setRawLog(r.rawLog() == null ? "" : r.rawLog())
                .setCodespace(r.codespace() == null ? "" : r.codespace()).build();
    }

    static GetValidatorInfoResponse toResponse(Optional<ValidatorInfoService.ValidatorInfo> info,
            long powerReduction) {
        if (info.isEmpty()) {
            return GetValidatorInfoResponse.newBuilder().setFound(false).build();
        }
        ValidatorState v = info.get().validator();
        GetValidatorInfoResponse.Builder b = GetValidatorInfoResponse.newBuilder();
        if (info.get().jailBudget() != null) {
            b.setJailBudget(jailBudget(info.get().jailBudget()));
        }
        return b.setFound(true).setOperatorAddress(v.operatorAddress())
                .setIsActiveValidator(v.active())
                .setVotingPower(v.votingPower(java.math.BigInteger.valueOf(powerReduction)))
                .setJailed(v.jailed()).setStatus(v.status().label()).setTokens(v.tokens().toString())
                .setCommissionRate(LegacyDec.toAmino(v.commission().rate()))
                .setCommissionMaxRate(LegacyDec.toAmino(v.commission().maxRate()))
                .setCommissionMaxChangeRate(LegacyDec.toAmino(v.commission().maxChangeRate()))
                .setMoniker(v.moniker())
                .build();
    }

    static network.omniphi.proto.chain.v1.JailBudget jailBudget(JailBudget j) {
        return network.omniphi.proto.chain.v1.JailBudget.newBuilder().setConsensusAddress(j.consensusAddress())
                .setSignedBlocksWindow(j.signedBlocksWindow()).setMaxMissedBlocks(j.maxMissedBlocks())
                .setMissedBlocks(j.missedBlocks()).setMissesLeft(j.missesLeft()).setSecondsLeft(j.secondsLeft())
                .setBlockTimeMillis(j.blockTimeMillis()).setUsedPercent(j.usedPercent())
                .setJailedUntil(j.jailedUntil() == null ? "" : j.jailedUntil().toString())
                .setTombstoned(j.tombstoned()).build();
    }

    static UnjailTxService.UnjailInput toInput(BuildUnjailTxRequest r) {
        return new UnjailTxService.UnjailInput(r.getSetupRequestId(), r.getWalletAddress(),
                r.getSignerPubkey().toByteArray(), r.getNodeRpcEndpoint(),
                r.getSignMode() == network.omniphi.proto.chain.v1.SignMode.SIGN_MODE_AMINO
                        ? SignMode.AMINO
                        : SignMode.DIRECT);
    }

    static BuildUnjailTxResponse toResponse(UnjailTxService.BuiltUnjailTx b) {
        return BuildUnjailTxResponse.newBuilder()
                .setSignDoc(SignDoc.newBuilder().setBodyBytes(ByteString.copyFrom(b.signDoc().bodyBytes()))
                        .setAuthInfoBytes(ByteString.copyFrom(b.signDoc().authInfoBytes()))
                        .setChainId(b.signDoc().chainId()).setAccountNumber(b.signDoc().accountNumber()))
                .setAminoSignDoc(b.aminoSignDoc()).setGasEstimate(b.gas()).setFee(coin(b.fee()))
                .setOperatorAddress(b.operatorAddress()).setSequence(b.sequence())
                .setSignMode(b.signMode() == SignMode.AMINO
                        ? network.omniphi.proto.chain.v1.SignMode.SIGN_MODE_AMINO
                        : network.omniphi.proto.chain.v1.SignMode.SIGN_MODE_DIRECT)
                .setJailBudget(jailBudget(b.jailBudget())).build();
    }
}
