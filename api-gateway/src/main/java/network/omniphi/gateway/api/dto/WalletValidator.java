package network.omniphi.gateway.api.dto;

/**
 * One element of GET by-wallet: {@code {setupRequest, node, chainInfo, heartbeat}}; heartbeat is null for a setup
 * without a local node the heartbeat service knows, and for every setup when that service did not answer.
 */
public record WalletValidator(SetupRequestJson setupRequest, NodeJson node, ChainInfoJson chainInfo,
        NodeHeartbeatJson heartbeat) {
}
