package network.omniphi.gateway.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import network.omniphi.commons.error.FieldError;

/** Stateless checks of a create-validator-tx request by the x/staking rules (the chain service re-checks them). */
public final class ChainTxRules {

    private static final Pattern INTEGER = Pattern.compile("[1-9][0-9]{0,76}");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,30}(\\.[0-9]{1,18})?");
    private static final Pattern DENOM = Pattern.compile("[a-zA-Z][a-zA-Z0-9/:._-]{2,127}");

    private ChainTxRules() {
    }

    /**
     * The checks that need no state: shapes, ranges and cross-field rules of the request alone. They run before the
     * setup is read, so a bad body is 400 whatever state the setup is in (or whether it exists).
     */
    public static List<FieldError> check(CreateValidatorTxCommand cmd, String bondDenom) {
        List<FieldError> errors = new ArrayList<>();
        if (cmd.selfDelegationDenom() == null || !DENOM.matcher(cmd.selfDelegationDenom()).matches()) {
            errors.add(new FieldError("selfDelegation.denom", "is required and must be a valid denom"));
        } else if (!cmd.selfDelegationDenom().equals(bondDenom)) {
            errors.add(new FieldError("selfDelegation.denom", "must be the bond denom '" + bondDenom + "'"));
        }
        boolean amountOk = integer("selfDelegation.amount", cmd.selfDelegationAmount(), errors);
        boolean minOk = integer("minSelfDelegation", cmd.minSelfDelegation(), errors);
        if (amountOk && minOk
                && new BigInteger(cmd.selfDelegationAmount()).compareTo(new BigInteger(cmd.minSelfDelegation())) < 0) {
            errors.add(new FieldError("selfDelegation.amount", "must be at least minSelfDelegation"));
        }
        BigDecimal max = rate("maxRate", cmd.maxRate(), errors);
        BigDecimal change = rate("maxChangeRate", cmd.maxChangeRate(), errors);
        if (max != null && change != null && change.compareTo(max) > 0) {
            errors.add(new FieldError("maxChangeRate", "must not exceed maxRate"));
        }
        if (cmd.signMode() != null && !cmd.signMode().equals("direct") && !cmd.signMode().equals("amino")) {
            errors.add(new FieldError("signMode", "must be 'direct' or 'amino'"));
        }
        TextFields.check("identity", cmd.identity(), 3000, errors);
        TextFields.checkIdentity("identity", cmd.identity(), errors);
        TextFields.check("securityContact", cmd.securityContact(), 140, errors);
        return errors;
    }

    /** The one check against the setup: its commission rate can never exceed maxRate (x/staking). */
    public static List<FieldError> checkAgainst(CreateValidatorTxCommand cmd, BigDecimal commissionRate) {
        BigDecimal max = new BigDecimal(cmd.maxRate());
        if (commissionRate.compareTo(max) > 0) {
            return List.of(new FieldError("maxRate", "must be at least the setup's commission rate "
                    + commissionRate.stripTrailingZeros().toPlainString()));
        }
        return List.of();
    }

    private static boolean integer(String field, String value, List<FieldError> errors) {
        if (value == null || !INTEGER.matcher(value).matches()) {
            errors.add(new FieldError(field, "is required and must be a positive integer string"));
            return false;
        }
        return true;
    }

    private static BigDecimal rate(String field, String value, List<FieldError> errors) {
        if (value == null || !DECIMAL.matcher(value).matches()) {
            errors.add(new FieldError(field, "is required and must be a decimal with at most 18 decimals"));
            return null;
        }
        BigDecimal rate = new BigDecimal(value);
        if (rate.compareTo(BigDecimal.ONE) > 0) {
            errors.add(new FieldError(field, "must be between 0 and 1"));
            return null;
        }
        return rate;
    }
}
