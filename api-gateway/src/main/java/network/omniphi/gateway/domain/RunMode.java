package network.omniphi.gateway.domain;

import java.util.Locale;

public enum RunMode {
    CLOUD, LOCAL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunMode fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
