package network.omniphi.gateway.api.dto;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code chainInfo} object of by-wallet answers. */
@Schema(name = "ChainInfo")
public record ChainInfoJson(@JsonProperty("isActiveValidator") boolean isActiveValidator, long votingPower,
        boolean jailed, String operatorAddress, String txHash, Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) JailBudgetJson jailBudget) {

    public ChainInfoJson(boolean isActiveValidator, long votingPower, boolean jailed, String operatorAddress,
            String txHash, Instant updatedAt) {
        this(isActiveValidator, votingPower, jailed, operatorAddress, txHash, updatedAt, null);
    }

    /** With the live jail budget; {@code jailed} then follows the chain's current flag. */
    public ChainInfoJson withJailBudget(JailBudgetJson budget, boolean liveJailed) {
        return new ChainInfoJson(isActiveValidator && !liveJailed, votingPower, liveJailed, operatorAddress, txHash,
                updatedAt, budget);
    }
}
