package network.omniphi.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;

/**
 * The gateway's edge settings as the overlays render them: production trusts forwarded client addresses only from the
 * ingress's network (so rate limits key on real clients) and names its own environment (token audience, login
 * text); dev keeps the TCP peer and its own environment.
 */
class GatewayEdgeSettingsTest {

    private static Map<String, String> gateway(String overlay) {
        return Manifests.render(overlay).one(ConfigMap.class, "api-gateway-config").getData();
    }

    @Test
    void productionHonoursForwardedAddressesOnlyFromTrustedProxies() {
        Map<String, String> env = gateway("production");
        assertThat(env).containsEntry("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true")
                .containsEntry("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "true")
                .doesNotContainKey("QUARKUS_HTTP_PROXY_ALLOW_FORWARDED");
        // without trusted-proxies Quarkus would trust every peer: it must be set, and never to everyone
        assertThat(env.get("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES")).isNotBlank()
                .doesNotContain("0.0.0.0/0").doesNotContain("::/0");
    }

    @Test
    void eachOverlayNamesItsEnvironmentAndUri() {
        assertThat(gateway("production")).containsEntry("OMNIPHI_GATEWAY_AUTH_ENVIRONMENT", "production")
                .containsEntry("OMNIPHI_GATEWAY_AUTH_URI", "https://omniphi.network");
        assertThat(gateway("dev")).containsEntry("OMNIPHI_GATEWAY_AUTH_ENVIRONMENT", "dev")
                .doesNotContainKey("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING");
    }
}
