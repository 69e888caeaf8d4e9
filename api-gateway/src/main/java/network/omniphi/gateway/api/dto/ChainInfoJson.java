package network.omniphi.gateway.api.dto;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code chainInfo} object of by-wallet answers. */
@Schema(name = "ChainInfo")
public record ChainInfoJson(@JsonProperty("isActiveValidator") boolean isActiveValidator, long votingPower,
        boolean jailed, String operatorAddress, String txHash, Instant updatedAt) {
}
