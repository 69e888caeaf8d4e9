package network.omniphi.gateway.domain;

/** Chain facts the gateway checks requests against. */
public record ChainSettings(String bondDenom) {
}
