package network.omniphi.devnet.domain;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Chain, staking and slashing parameters. {@code minGasPrice} is in {@code bondDenom} per gas unit.
 */
public record ChainParams(String chainId, String bondDenom, int maxValidators, BigDecimal minCommissionRate,
        Duration unbondingTime, long signedBlocksWindow, BigDecimal minSignedPerWindow, Duration downtimeJailDuration,
        BigDecimal minGasPrice, int blockHistory) {

    public ChainParams {
        if (chainId == null || chainId.isBlank() || chainId.length() > 50) {
            throw new IllegalArgumentException("chain id must be 1..50 characters");
        }
        if (!bondDenom.matches("[a-zA-Z][a-zA-Z0-9/:._-]{2,127}")) {
            throw new IllegalArgumentException("invalid bond denom " + bondDenom);
        }
        if (maxValidators < 1) {
            throw new IllegalArgumentException("max validators must be at least 1");
        }
        if (minCommissionRate.signum() < 0 || minCommissionRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("min commission rate must be within [0, 1]");
        }
        if (minGasPrice.signum() < 0) {
            throw new IllegalArgumentException("min gas price must not be negative");
        }
        if (blockHistory < 1) {
            throw new IllegalArgumentException("block history must keep at least one block");
        }
    }
}
