package network.omniphi.devnet.domain.tx;

/** Validator description, exactly as the SDK's {@code staking.Description}. */
public record Description(String moniker, String identity, String website, String securityContact, String details) {
}
