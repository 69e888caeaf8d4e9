package network.omniphi.gateway.domain;

/** A setup request with its node and chain state (node and chain may be absent). */
public record SetupView(SetupRequest setupRequest, ValidatorNode node, ChainInfo chainInfo) {
}
