package network.omniphi.gateway.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A user's request for a validator, as the gateway keeps it. */
public record SetupRequest(UUID id, SetupStatus status, String walletAddress, String validatorName, String website,
        String description, BigDecimal commissionRate, RunMode runMode, String provider, String consensusPubkey,
        String operatorAddress, String txHash, Instant createdAt, Instant updatedAt, Instant completedAt,
        String failureReason) {
}
