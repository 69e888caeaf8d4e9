package network.omniphi.gateway.api.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/validators/setup-requests/{id}/consensus-key}. Unknown fields are refused. */
@Schema(name = "LinkConsensusKeyRequest", example = """
        {"consensusPubkey":"11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=",\
        "signature":"A+Sjw9FpFHOIR/GyunYk6EqTN8WInsCn9jY8tQOYZeRdUU2cwC6IdElYT20jg/dz7ZyeN7vqWYXkCxVlx0WyCg=="}""")
public record LinkConsensusKeyBody(
        @Schema(description = "Standard base64 of the node's 32-byte ed25519 consensus public key", required = true) String consensusPubkey,
        @Schema(description = "Standard base64 of the 64-byte ed25519 signature by that key over the UTF-8 bytes of"
                + " {\"chainId\":\"<chain id>\",\"purpose\":\"omniphi/link-consensus-key/v1\",\"setupRequestId\":\"<id>\","
                + "\"walletAddress\":\"<owner>\"} (keys sorted, no spaces)", required = true) String signature) {
}
