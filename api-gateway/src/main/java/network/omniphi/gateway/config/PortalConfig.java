package network.omniphi.gateway.config;

import java.math.BigDecimal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What the web portal needs to know about the chain to suggest it to the wallet ({@code omniphi.gateway.portal.*}),
 * answered publicly by {@code GET /api/v1/config}. Keplr's {@code experimentalSuggestChain} needs the chain's public
 * RPC and REST (LCD) endpoints and the currency; the values here are what the wallet connects to, not ours.
 */
@ConfigMapping(prefix = "omniphi.gateway.portal")
public interface PortalConfig {

    /** Human name of the chain shown by the wallet. */
    @WithDefault("Omniphi Devnet")
    String chainName();

    /** Public CometBFT RPC endpoint the wallet may query. */
    @WithDefault("http://localhost:26657")
    String chainRpc();

    /**
     * Public REST (LCD) endpoint the wallet uses for balances. The devnet serves no LCD, so on the local stack the
     * wallet shows no balance; signing does not depend on it.
     */
    @WithDefault("http://localhost:1317")
    String chainRest();

    /** Display denomination (the bond denom is the base denomination). */
    @WithDefault("OMNI")
    String displayDenom();

    /** Decimals between the display and the base denomination. */
    @WithDefault("6")
    int decimals();

    /** Gas price in the bond denom the wallet may offer (the chain-service's omniphi.chain.gas-price). */
    @WithDefault("0.025")
    BigDecimal gasPrice();

    /** The local agent's bridge that produces the consensus-key link proof on the user's machine (DESIGN.md). */
    @WithDefault("http://127.0.0.1:15000")
    String localAgentBridge();
}
