package network.omniphi.gateway.api.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/validators/setup-requests/{id}/broadcast}. */
@Schema(name = "BroadcastRequest")
public record BroadcastBody(
        @Schema(required = true, description = "base64 of the signed cosmos.tx.v1beta1.TxRaw") String txBytes) {
}
