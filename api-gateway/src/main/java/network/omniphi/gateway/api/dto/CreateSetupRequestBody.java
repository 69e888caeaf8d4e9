package network.omniphi.gateway.api.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/** Body of {@code POST /api/v1/validators/setup-requests}. Unknown fields are refused. */
@Schema(name = "CreateSetupRequest", example = """
        {"walletAddress":"omni1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu","validatorName":"my-validator",\
        "website":"https://example.org","description":"Run with care","commissionRate":"0.10",\
        "runMode":"cloud","provider":"omniphi_cloud"}""")
public record CreateSetupRequestBody(
        @Schema(description = "The wallet (operator) address, bech32 with prefix omni", required = true) String walletAddress,
        @Schema(description = "The validator moniker, 1..70 UTF-8 bytes", required = true) String validatorName,
        @Schema(description = "Optional website, at most 140 UTF-8 bytes") String website,
        @Schema(description = "Optional details, at most 280 UTF-8 bytes") String description,
        @Schema(description = "Commission rate between 0 and 1, a JSON number or decimal string, at most 18 decimals", required = true, implementation = String.class) JsonNode commissionRate,
        @Schema(description = "cloud or local", required = true, enumeration = {
                "cloud", "local"}) String runMode,
        @Schema(description = "Cloud provider (default omniphi_cloud); 'local' or omitted for local") String provider){
}
