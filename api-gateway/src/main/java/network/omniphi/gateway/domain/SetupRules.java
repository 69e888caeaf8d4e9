package network.omniphi.gateway.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import network.omniphi.codec.Bech32;
import network.omniphi.commons.error.FieldError;

/**
 * Stateless checks of a setup request by the Cosmos rules of DESIGN.md: bech32 wallet address with checksum, the
 * description byte limits of x/staking (UTF-8 bytes, not characters) and allowed characters ({@link TextFields}),
 * website as an absolute http(s) URL, commission as an 18-decimal LegacyDec in [0,1]. They run before any state is
 * read, so a bad body is 400 whatever the wallet's setups are.
 */
public final class SetupRules {

    public static final int MONIKER_MAX_BYTES = 70;
    public static final int WEBSITE_MAX_BYTES = 140;
    public static final int DETAILS_MAX_BYTES = 280;
    public static final int DEC_PRECISION = 18;
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,30}(\\.[0-9]{1,40})?");

    private SetupRules() {
    }

    /** Field errors of a command; empty when every field is valid. */
    public static List<FieldError> check(NewSetup cmd, SetupPolicy policy) {
        List<FieldError> errors = new ArrayList<>();
        checkWallet(cmd.walletAddress(), policy.accountPrefix(), "walletAddress", errors);
        checkMoniker(cmd.validatorName(), errors);
        TextFields.checkWebsite("website", cmd.website(), WEBSITE_MAX_BYTES, errors);
        TextFields.check("description", cmd.description(), DETAILS_MAX_BYTES, errors);
        checkCommission(cmd.commissionRate(), errors);
        checkRunModeAndProvider(cmd.runMode(), cmd.provider(), policy, errors);
        return errors;
    }

    public static void checkWallet(String address, String prefix, String field, List<FieldError> errors) {
        if (address == null || address.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return;
        }
        try {
            Bech32.Decoded decoded = Bech32.decode(address);
            if (!decoded.hrp().equals(prefix)) {
                errors.add(new FieldError(field, "must be an address with the prefix '" + prefix + "'"));
            } else if (decoded.data().length != 20 && decoded.data().length != 32) {
                errors.add(new FieldError(field, "must encode 20 or 32 bytes"));
            } else if (!address.equals(address.toLowerCase(java.util.Locale.ROOT))) {
                errors.add(new FieldError(field, "must be lower case"));
            }
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage()));
        }
    }

    private static void checkMoniker(String moniker, List<FieldError> errors) {
        if (moniker == null || moniker.isBlank()) {
            errors.add(new FieldError("validatorName", "is required"));
            return;
        }
        if (!moniker.strip().equals(moniker)) {
            errors.add(new FieldError("validatorName", "must not start or end with white space"));
        }
        TextFields.check("validatorName", moniker, MONIKER_MAX_BYTES, errors);
    }

    private static void checkCommission(String rate, List<FieldError> errors) {
        if (rate == null || rate.isBlank()) {
            errors.add(new FieldError("commissionRate", "is required"));
            return;
        }
        if (!DECIMAL.matcher(rate).matches()) {
            errors.add(new FieldError("commissionRate", "must be a decimal number between 0 and 1"));
            return;
        }
        BigDecimal value = new BigDecimal(rate);
        if (value.stripTrailingZeros().scale() > DEC_PRECISION) {
            errors.add(new FieldError("commissionRate", "must have at most 18 decimal places"));
        } else if (value.compareTo(BigDecimal.ONE) > 0) {
            errors.add(new FieldError("commissionRate", "must be between 0 and 1"));
        }
    }

    private static void checkRunModeAndProvider(String runMode, String provider, SetupPolicy policy,
            List<FieldError> errors) {
        if (runMode == null || runMode.isBlank()) {
            errors.add(new FieldError("runMode", "is required"));
            return;
        }
        if (!runMode.equals("cloud") && !runMode.equals("local")) {
            errors.add(new FieldError("runMode", "must be 'cloud' or 'local'"));
            return;
        }
        if (runMode.equals("local")) {
            if (provider != null && !provider.equals("local")) {
                errors.add(new FieldError("provider", "must be 'local' or omitted when runMode is 'local'"));
            }
        } else if (provider != null && !policy.cloudProviders().contains(provider)) {
            errors.add(
                    new FieldError("provider", "must be one of " + policy.cloudProviders().stream().sorted().toList()));
        }
    }

    /** The provider a valid command resolves to. */
    public static String resolveProvider(NewSetup cmd, SetupPolicy policy) {
        if ("local".equals(cmd.runMode())) {
            return "local";
        }
        return cmd.provider() == null ? policy.defaultCloudProvider() : cmd.provider();
    }

    /** Normalises a valid commission to 18 decimal places as LegacyDec renders it. */
    public static BigDecimal commission(String rate) {
        return new BigDecimal(rate).setScale(DEC_PRECISION);
    }
}
