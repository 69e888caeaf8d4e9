package network.omniphi.gateway.api;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import network.omniphi.gateway.api.dto.PublicConfigJson;
import network.omniphi.gateway.config.GatewayConfig;
import network.omniphi.gateway.config.PortalConfig;
import network.omniphi.gateway.domain.SetupRules;

/**
 * {@code GET /api/v1/config} (public): what a client needs before login — the chain to suggest to the wallet and the
 * setup rules the server applies, so the portal shows the same limits the server enforces instead of its own copy.
 */
@Path("/api/v1/config")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "config", description = "Public client configuration")
public class ConfigResource {

    /** SLIP-44 coin type of Cosmos SDK chains (DESIGN.md: coin type 118). */
    static final int COIN_TYPE = 118;

    private final PublicConfigJson answer;

    public ConfigResource(GatewayConfig gateway, PortalConfig portal) {
        this.answer = new PublicConfigJson(
                new PublicConfigJson.Chain(gateway.chainId(), portal.chainName(), portal.chainRpc(),
                        portal.chainRest(), gateway.accountPrefix(), gateway.bondDenom(), portal.displayDenom(),
                        portal.decimals(), COIN_TYPE, portal.gasPrice().toPlainString()),
                new PublicConfigJson.SetupRulesJson(SetupRules.MONIKER_MAX_BYTES, SetupRules.WEBSITE_MAX_BYTES,
                        SetupRules.DETAILS_MAX_BYTES, List.of("http", "https"),
                        gateway.minCommissionRate().stripTrailingZeros().toPlainString(), "1",
                        List.of("cloud", "local"), gateway.cloudProviders().stream().sorted().toList(),
                        gateway.defaultCloudProvider()),
                new PublicConfigJson.LocalAgent(portal.localAgentBridge()));
    }

    @GET
    @Operation(operationId = "getConfig", summary = "Chain and setup rules for clients (public)")
    public PublicConfigJson config() {
        return answer;
    }
}
