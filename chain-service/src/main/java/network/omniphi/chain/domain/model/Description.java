package network.omniphi.chain.domain.model;

/** staking Description; empty strings for absent optional fields. */
public record Description(String moniker, String identity, String website, String securityContact, String details) {
}
