package network.omniphi.chain.domain.model;

import java.util.Locale;

public enum BondStatus {
    UNSPECIFIED, UNBONDED, UNBONDING, BONDED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
