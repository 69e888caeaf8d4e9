package network.omniphi.gateway.api.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/validators/stop}. */
@Schema(name = "StopRequest", example = "{\"setupRequestId\":\"3f1c2a9e-4b7d-4f43-9d55-0c1c2b0a9e11\"}")
public record StopRequestBody(@Schema(required = true) String setupRequestId) {
}
