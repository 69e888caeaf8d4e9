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

    Genesis genesis();

    Staking staking();

    Slashing slashing();

    interface Genesis {
        /** {@code omni1...=amount} entries funded in the bond denom; account numbers follow this order. */
        Optional<List<String>> accounts();

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
    }
}
