package network.omniphi.devnet.domain.state;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

import network.omniphi.devnet.domain.tx.Description;

/**
 * A validator: operator address bytes (the same bytes as its operator account), ed25519 consensus key, tokens (power =
 * tokens / 10^6), description, commission (decimals), min self-delegation and when the commission was set.
 */
public record Validator(byte[] operator, byte[] consensusKey, boolean jailed, BondStatus status, BigInteger tokens,
        Description description, Commission commission, BigInteger minSelfDelegation, long createdHeight) {

    public static final BigInteger POWER_REDUCTION = BigInteger.TEN.pow(6);

    /** Commission rates as decimals plus the time they were set. */
    public record Commission(BigDecimal rate, BigDecimal maxRate, BigDecimal maxChangeRate, Instant updateTime) {
    }

    public long power() {
        return tokens.divide(POWER_REDUCTION).longValueExact();
    }

    public Validator withJailed(boolean value) {
        return new Validator(operator, consensusKey, value, status, tokens, description, commission,
                minSelfDelegation, createdHeight);
    }

    public Validator withStatus(BondStatus value) {
        return new Validator(operator, consensusKey, jailed, value, tokens, description, commission,
                minSelfDelegation, createdHeight);
    }
}
