package network.omniphi.gateway.api.dto;

import com.fasterxml.jackson.databind.JsonNode;

/** One element of GET by-wallet: {@code {setupRequest, node, chainInfo, heartbeat}}. */
public record WalletValidator(SetupRequestJson setupRequest, NodeJson node, ChainInfoJson chainInfo,
        JsonNode heartbeat) {
}
