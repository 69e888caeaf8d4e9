package network.omniphi.devnet.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Devnet configuration ({@code devnet.*}); see devnet/README.md for every key. */
@ConfigMapping(prefix = "devnet")
public interface DevnetConfig {

    /** Chain id written in headers and checked by every signature. */
    @WithDefault("omniphi-devnet-1")
    String chainId();

    /** Time between blocks. */
    @WithDefault("PT1S")
    Duration blockInterval();

    /** Node moniker shown by {@code /status} and GetNodeInfo. */
    @WithDefault("omniphi-devnet")
    String moniker();

    /** Minimum gas price checked in CheckTx, as {@code <decimal><bond denom>}. */
    @WithDefault("0.025omniphi")
    String minGasPrice();

    /** Enables {@code POST /faucet} and {@code /admin/*}; true except in %prod unless set. */
    @WithDefault("false")
    boolean devEndpoints();

    /** How many recent blocks (and their txs) stay queryable. */
    @WithDefault("100000")
    int blockHistory();

    /**
     * LegacyDec rendering in amino JSON sign docs: {@code decimal} (x/tx v0.13.6 and later) or {@code integer}
     * (x/tx before v0.13.6). Amino signatures are verified against this form only.
     */
    @WithDefault("decimal")
    String aminoLegacyDec();

    /**
     * CometBFT {@code tx_index.indexer}: {@code kv} (GetTx finds included txs) or {@code null} (GetTx fails with
     * Unknown "transaction indexing is disabled", as a public RPC node often does).
     */
    @WithDefault("kv")
    String txIndex();

    Genesis genesis();

    Staking staking();

    Slashing slashing();

    interface Genesis {
        /** {@code omni1...=amount} entries funded in the bond denom; account numbers follow this order. */
        Optional<List<String>> accounts();

        /**
         * {@code omni1...=amount@duration} entries: delayed vesting accounts funded with {@code amount} in the bond
         * denom, all of it locked until genesis time + {@code duration} (ISO-8601, e.g. {@code PT1H}); numbered after
         * the funded accounts.
         */
        Optional<List<String>> vestingAccounts();

        /** {@code moniker=power} entries; the first one is the validator this node plays. */
        @WithDefault("omniphi-genesis-0=100")
        List<String> validators();
    }

    interface Staking {
        @WithDefault("5")
        int maxValidators();

        @WithDefault("omniphi")
        String bondDenom();

        /** Decimal, e.g. 0.05. */
        @WithDefault("0.05")
        String minCommissionRate();

        @WithDefault("P21D")
        Duration unbondingTime();
    }

    interface Slashing {
        @WithDefault("100")
        long signedBlocksWindow();

        /** Decimal, e.g. 0.5. */
        @WithDefault("0.5")
        String minSignedPerWindow();

        @WithDefault("PT10M")
        Duration downtimeJailDuration();

        /**
         * {@code votes}: a bonded validator's block counts as signed only when its node voted (dev-node does), so
         * a stopped node misses blocks and is jailed when over budget; {@code seen}: the same once the validator's
         * node has voted at least once (validators created without a node process always sign); {@code off}: every
         * validator always signs.
         */
        @WithDefault("seen")
        String liveness();
    }
}
