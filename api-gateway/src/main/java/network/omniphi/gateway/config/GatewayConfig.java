package network.omniphi.gateway.config;

import java.math.BigDecimal;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Gateway settings ({@code omniphi.gateway.*}). */
@ConfigMapping(prefix = "omniphi.gateway")
public interface GatewayConfig {

    /** Cloud providers a setup may name. */
    @WithDefault("omniphi_cloud")
    Set<String> cloudProviders();

    /** Provider used when a cloud setup names none. */
    @WithDefault("omniphi_cloud")
    String defaultCloudProvider();

    /** Lowest commission rate the chain accepts (x/staking min_commission_rate). */
    @WithDefault("0.05")
    BigDecimal minCommissionRate();

    /** Bech32 prefix of account addresses. */
    @WithDefault("omni")
    String accountPrefix();

    /** The chain's bond denom (x/staking bond_denom). */
    @WithDefault("omniphi")
    String bondDenom();

    /** Exact origins of the portal allowed by CORS (feeds quarkus.http.cors.origins); '*' is refused at start-up. */
    @WithDefault("http://localhost:5173")
    java.util.List<String> corsOrigins();

    /** Chain id stamped on setup events and signed in consensus-key link proofs. */
    @WithDefault("omniphi-devnet-1")
    String chainId();
}
