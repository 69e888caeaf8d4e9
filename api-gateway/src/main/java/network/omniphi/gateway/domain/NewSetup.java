package network.omniphi.gateway.domain;

/**
 * A create-setup command as it arrived (strings as sent; {@code commissionRate} in its exact decimal text form). The
 * rules in {@link SetupRules} turn it into a valid setup or a list of field errors.
 */
public record NewSetup(String walletAddress, String validatorName, String website, String description,
        String commissionRate, String runMode, String provider) {
}
