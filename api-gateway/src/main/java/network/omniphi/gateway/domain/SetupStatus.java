package network.omniphi.gateway.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Setup request status machine of DESIGN.md:
 * {@code pending → provisioning → ready_for_chain_tx → tx_submitted → active}, side exits {@code inactive},
 * {@code stopping → stopped}, {@code failed}.
 */
public enum SetupStatus {
    PENDING, PROVISIONING, READY_FOR_CHAIN_TX, TX_SUBMITTED, ACTIVE, INACTIVE, STOPPING, STOPPED, FAILED;

    private static final Set<SetupStatus> TERMINAL = EnumSet.of(STOPPED, FAILED);

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SetupStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }

    /** Whether a direct move from this status to {@code next} is legal. */
    public boolean canMoveTo(SetupStatus next) {
        if (this == next || isTerminal()) {
            return false;
        }
        return switch (next) {
            case PENDING -> false;
            case PROVISIONING -> this == PENDING;
            case READY_FOR_CHAIN_TX -> this == PENDING || this == PROVISIONING || this == TX_SUBMITTED;
            case TX_SUBMITTED -> this == READY_FOR_CHAIN_TX;
            case ACTIVE -> this == TX_SUBMITTED || this == INACTIVE;
            case INACTIVE -> this == TX_SUBMITTED || this == ACTIVE;
            case STOPPING -> this != STOPPING;
            case STOPPED -> true;
            case FAILED -> true;
        };
    }
}
