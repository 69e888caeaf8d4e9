package network.omniphi.gateway.api.dto;

import java.math.BigDecimal;
import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The {@code setupRequest} object of DESIGN.md (seed field names). */
@Schema(name = "SetupRequest")
public record SetupRequestJson(String id,
        @Schema(enumeration = {
                "pending", "provisioning", "ready_for_chain_tx", "tx_submitted", "active", "inactive",
                "stopping", "stopped", "failed"}) String status,
        String walletAddress, String validatorName, String website, String description, BigDecimal commissionRate,
        String runMode, String provider, String consensusPubkey, String operatorAddress, Instant createdAt,
        Instant updatedAt, Instant completedAt, String failureReason){
}
