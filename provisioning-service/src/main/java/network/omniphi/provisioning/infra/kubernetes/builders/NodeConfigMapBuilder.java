package network.omniphi.provisioning.infra.kubernetes.builders;

import java.util.LinkedHashMap;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;

import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeResource;

/** Node configuration (no secrets): moniker, chain, listen addresses and the double-sign check. */
public final class NodeConfigMapBuilder {

    /** Blocks a restarted signer checks for its own signatures before signing again. */
    public static final int DOUBLE_SIGN_CHECK_HEIGHT = 10;

    private NodeConfigMapBuilder() {
    }

    public static ConfigMap build(ValidatorNodeResource cr) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("config.toml", String.join("\n",
                "moniker = " + tomlString(cr.getSpec().moniker),
                "",
                "[rpc]",
                "laddr = \"tcp://0.0.0.0:" + NodeObjects.RPC_PORT + "\"",
                "",
                "[p2p]",
                "laddr = \"tcp://0.0.0.0:" + NodeObjects.P2P_PORT + "\"",
                "",
                "[consensus]",
                "double_sign_check_height = " + DOUBLE_SIGN_CHECK_HEIGHT,
                ""));
        data.put("CHAIN_ID", cr.getSpec().chainId);
        data.put("MONIKER", cr.getSpec().moniker);
        data.put("CHAIN_RPC", cr.getSpec().chainRpc == null ? "" : cr.getSpec().chainRpc);
        return new ConfigMapBuilder().withMetadata(NodeObjects.owned(cr, "config")).withData(data).build();
    }

    /**
     * A TOML basic string (TOML v1.0.0, "Basic strings"): quote and backslash escaped; control characters never reach
     * here (NodeSpecRules refuses them, as the gateway does), but are escaped (backslash-u, four hex digits) all the same.
     */
    static String tomlString(String value) {
        StringBuilder out = new StringBuilder("\"");
        value.codePoints().forEach(cp -> {
            if (cp == '"' || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp < 0x20 || cp == 0x7f) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append('"').toString();
    }
}
