package network.omniphi.gateway.infra;

import network.omniphi.gateway.domain.ChainInfo;
import network.omniphi.gateway.domain.NodeStatus;
import network.omniphi.gateway.domain.RunMode;
import network.omniphi.gateway.domain.SetupRequest;
import network.omniphi.gateway.domain.SetupStatus;
import network.omniphi.gateway.domain.ValidatorNode;

/** Maps entities to domain records and back; entities never leave the infra package. */
final class EntityMapper {

    private EntityMapper() {
    }

    static SetupRequest toDomain(SetupRequestEntity e) {
        return new SetupRequest(e.id, SetupStatus.fromWire(e.status), e.walletAddress, e.validatorName, e.website,
                e.description, e.commissionRate, RunMode.fromWire(e.runMode), e.provider, e.consensusPubkey,
                e.operatorAddress, e.txHash, e.createdAt, e.updatedAt, e.completedAt, e.failureReason);
    }

    static void copy(SetupRequest s, SetupRequestEntity e) {
        e.id = s.id();
        e.status = s.status().wire();
        e.walletAddress = s.walletAddress();
        e.validatorName = s.validatorName();
        e.website = s.website();
        e.description = s.description();
        e.commissionRate = s.commissionRate();
        e.runMode = s.runMode().wire();
        e.provider = s.provider();
        e.consensusPubkey = s.consensusPubkey();
        e.operatorAddress = s.operatorAddress();
        e.txHash = s.txHash();
        e.createdAt = s.createdAt();
        e.updatedAt = s.updatedAt();
        e.completedAt = s.completedAt();
        e.failureReason = s.failureReason();
    }

    static ValidatorNode toDomain(ValidatorNodeEntity e) {
        return e == null
                ? null
                : new ValidatorNode(e.id, e.setupRequestId, e.nodeName, NodeStatus.fromWire(e.status), e.provider,
                        e.rpcEndpoint, e.p2pEndpoint, e.grpcEndpoint, e.logsUrl, e.lastBlockHeight, e.lastHealthCheck);
    }

    static void copy(ValidatorNode n, ValidatorNodeEntity e) {
        e.id = n.id();
        e.setupRequestId = n.setupRequestId();
        e.nodeName = n.nodeName();
        e.status = n.status().wire();
        e.provider = n.provider();
        e.rpcEndpoint = n.rpcEndpoint();
        e.p2pEndpoint = n.p2pEndpoint();
        e.grpcEndpoint = n.grpcEndpoint();
        e.logsUrl = n.logsUrl();
        e.lastBlockHeight = n.lastBlockHeight();
        e.lastHealthCheck = n.lastHealthCheck();
    }

    static ChainInfo toDomain(ChainInfoEntity e) {
        return e == null
                ? null
                : new ChainInfo(e.operatorAddress, e.activeValidator, e.votingPower, e.jailed, e.txHash, e.updatedAt);
    }
}
