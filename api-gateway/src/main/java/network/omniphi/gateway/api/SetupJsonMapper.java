package network.omniphi.gateway.api;

import network.omniphi.gateway.api.dto.ChainInfoJson;
import network.omniphi.gateway.api.dto.NodeHeartbeatJson;
import network.omniphi.gateway.api.dto.NodeJson;
import network.omniphi.gateway.api.dto.SetupRequestJson;
import network.omniphi.gateway.domain.ChainInfo;
import network.omniphi.gateway.domain.SetupRequest;
import network.omniphi.gateway.domain.ValidatorNode;
import network.omniphi.gateway.domain.heartbeat.NodeHeartbeat;

/** Domain records → public JSON shapes. */
public final class SetupJsonMapper {

    private SetupJsonMapper() {
    }

    public static SetupRequestJson toJson(SetupRequest s) {
        return new SetupRequestJson(s.id().toString(), s.status().wire(), s.walletAddress(), s.validatorName(),
                s.website(), s.description(), s.commissionRate().stripTrailingZeros(), s.runMode().wire(), s.provider(),
                s.consensusPubkey(), s.operatorAddress(), s.createdAt(), s.updatedAt(), s.completedAt(),
                s.failureReason());
    }

    public static NodeJson toJson(ValidatorNode n) {
        return n == null
                ? null
                : new NodeJson(n.id().toString(), n.status().wire(), n.provider(), n.rpcEndpoint(), n.p2pEndpoint(),
                        n.grpcEndpoint(), n.logsUrl(), n.lastBlockHeight(), n.lastHealthCheck());
    }

    /** chainInfo with the live jail budget when the chain service answered one. */
    public static ChainInfoJson toJson(ChainInfo c,
            java.util.Optional<network.omniphi.gateway.domain.JailBudget> live) {
        ChainInfoJson base = toJson(c);
        return live.map(j -> base.withJailBudget(new network.omniphi.gateway.api.dto.JailBudgetJson(
                j.consensusAddress(), j.signedBlocksWindow(), j.maxMissedBlocks(), j.missedBlocks(), j.missesLeft(),
                j.minutesLeft(), j.usedPercent(), j.jailedUntil(), j.tombstoned()), j.jailed())).orElse(base);
    }

    public static ChainInfoJson toJson(ChainInfo c) {
        ChainInfo info = c == null ? ChainInfo.none() : c;
        return new ChainInfoJson(info.isActiveValidator(), info.votingPower(), info.jailed(), info.operatorAddress(),
                info.txHash(), info.updatedAt());
    }

    public static NodeHeartbeatJson toJson(NodeHeartbeat h) {
        return new NodeHeartbeatJson(h.walletAddress(), h.consensusPubkey(), h.setupRequestId(), h.firstSeen(),
                h.lastSeen(), h.blockHeight(), h.uptimeSeconds(), h.localRpcPort(), h.localP2pPort(), h.stale(),
                h.heightStalled());
    }
}
