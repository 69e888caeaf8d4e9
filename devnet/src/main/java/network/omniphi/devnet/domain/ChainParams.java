package network.omniphi.devnet.domain;

import java.math.BigDecimal;
import java.time.Duration;

import network.omniphi.devnet.domain.tx.AminoDecForm;

/**
 * Chain, staking and slashing parameters. {@code minGasPrice} is in {@code bondDenom} per gas unit.
 * {@code aminoDecForm}: the LegacyDec rendering of SIGN_MODE_LEGACY_AMINO_JSON; {@code txIndex}: false plays a node
 * with CometBFT {@code tx_index.indexer = "null"} (GetTx cannot look txs up); {@code liveness}: which bonded validators
 * must vote through their node or miss blocks (x/slashing window), see {@link Liveness.Mode}.
 */
public record ChainParams(String chainId, String bondDenom, int maxValidators, BigDecimal minCommissionRate,
        Duration unbondingTime, long signedBlocksWindow, BigDecimal minSignedPerWindow, Duration downtimeJailDuration,
        BigDecimal minGasPrice, int blockHistory, AminoDecForm aminoDecForm, boolean txIndex,
        Liveness.Mode liveness) {

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
