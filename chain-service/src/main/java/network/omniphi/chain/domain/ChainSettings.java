package network.omniphi.chain.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;

/** Tunables of tx building and pre-flight, resolved from configuration. */
public record ChainSettings(BigDecimal gasAdjustment, BigDecimal gasPrice, String gasDenom, long maxNodeLagBlocks,
        BigInteger powerReduction, Duration defaultBlockTime) {
}
