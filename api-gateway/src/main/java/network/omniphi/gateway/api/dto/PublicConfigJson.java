package network.omniphi.gateway.api.dto;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Answer of {@code GET /api/v1/config}: the chain for the wallet, the setup rules to show, the local agent bridge. */
@Schema(name = "PublicConfig")
public record PublicConfigJson(Chain chain, SetupRulesJson setupRules, LocalAgent localAgent) {

    /** Enough for Keplr's experimentalSuggestChain (ChainInfo of @keplr-wallet/types). */
    public record Chain(String chainId, String chainName, String rpc, String rest, String bech32Prefix,
            String bondDenom, String displayDenom, int decimals, int coinType, String gasPrice) {
    }

    /** The server's rules for the setup form (UTF-8 byte limits, commission bounds as decimal strings). */
    public record SetupRulesJson(int validatorNameMaxBytes, int websiteMaxBytes, int descriptionMaxBytes,
            List<String> websiteSchemes, String minCommissionRate, String maxCommissionRate, List<String> runModes,
            List<String> cloudProviders, String defaultCloudProvider) {
    }

    public record LocalAgent(String bridgeUrl) {
    }
}
