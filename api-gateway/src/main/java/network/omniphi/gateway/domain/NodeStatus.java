package network.omniphi.gateway.domain;

import java.util.Locale;

/** Node status of DESIGN.md. */
public enum NodeStatus {
    PROVISIONING, SYNCING, RUNNING, UNHEALTHY, STOPPING, STOPPED, FAILED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NodeStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
