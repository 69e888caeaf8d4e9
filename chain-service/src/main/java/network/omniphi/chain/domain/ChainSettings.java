package network.omniphi.chain.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;

import network.omniphi.chain.domain.model.AminoDecForm;

/**
 * Tunables of tx building and pre-flight, resolved from configuration. {@code aminoDecForm} is the chain's LegacyDec
 * amino JSON rendering (see {@link AminoDecForm}); {@code txValidity} is how long a built tx stays includable: its
 * {@code timeout_height} is the chain height plus that time in (measured) blocks.
 */
public record ChainSettings(BigDecimal gasAdjustment, BigDecimal gasPrice, String gasDenom, long maxNodeLagBlocks,
        BigInteger powerReduction, Duration defaultBlockTime, AminoDecForm aminoDecForm, Duration txValidity) {

    /** The timeout height for a tx built at {@code height}: at least one block ahead. */
    public long timeoutHeight(long height, Duration blockTime) {
        long millis = Math.max(1, blockTime.toMillis());
        long blocks = Math.max(1, (txValidity.toMillis() + millis - 1) / millis);
        return height + blocks;
    }
}
