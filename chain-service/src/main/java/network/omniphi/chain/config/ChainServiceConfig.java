package network.omniphi.chain.config;

import java.math.BigDecimal;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** chain-service settings ({@code omniphi.chain.*}); the node itself is {@code quarkus.grpc.clients.chain.*}. */
@ConfigMapping(prefix = "omniphi.chain")
public interface ChainServiceConfig {

    /** Bech32 prefix of account addresses. */
    @WithDefault("omni")
    String accountPrefix();

    /** Bech32 prefix of validator operator addresses. */
    @WithDefault("omnivaloper")
    String operatorPrefix();

    /** Simulated gas is multiplied by this factor (rounded up) to get the gas limit. */
    @WithDefault("1.3")
    BigDecimal gasAdjustment();

    /** Price per gas unit with its denom, e.g. {@code 0.025omniphi}; fee = ceil(gas x price). */
    @WithDefault("0.025omniphi")
    String gasPrice();

    /** The build is refused while the validator node is more than this many blocks behind the chain. */
    @WithDefault("3")
    long maxNodeLagBlocks();

    /** Tokens per unit of voting power (SDK DefaultPowerReduction). */
    @WithDefault("1000000")
    long powerReduction();

    /** Block time assumed until the trackers have measured one. */
    @WithDefault("PT6S")
    Duration expectedBlockTime();

    /**
     * How the chain renders LegacyDec (commission rates) in SIGN_MODE_LEGACY_AMINO_JSON: {@code decimal} when the
     * chain binary's go.mod requires {@code cosmossdk.io/x/tx} v0.13.6 or later, {@code integer} before (see
     * chain-service/README.md).
     */
    @WithDefault("decimal")
    String aminoLegacyDec();

    /** A built tx carries timeout_height = chain height + this time in blocks; the wallet must sign within it. */
    @WithDefault("PT20M")
    Duration txValidity();

    Tracker tracker();

    interface Tracker {
        /** Whether this instance runs the tx and validator trackers. */
        @WithDefault("true")
        boolean enabled();

        /** How often submitted txs are looked up (GetTx). */
        @WithDefault("1s")
        String txInterval();

        /** How often tracked validators are compared with the chain (about one block interval). */
        @WithDefault("1s")
        String validatorInterval();

        /**
         * A submitted tx without a timeout height (recorded before they were set) not included within this time is
         * reported as failed; txs with one are settled by the chain passing that height.
         */
        @WithDefault("PT2M")
        Duration inclusionTimeout();
    }
}
