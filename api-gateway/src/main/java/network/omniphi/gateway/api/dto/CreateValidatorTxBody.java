package network.omniphi.gateway.api.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/validators/setup-requests/{id}/create-validator-tx}. */
@Schema(name = "CreateValidatorTxRequest", example = """
        {"selfDelegation":{"denom":"omniphi","amount":"1000000000"},"maxRate":"0.20","maxChangeRate":"0.01",\
        "minSelfDelegation":"1","signMode":"direct"}""")
public record CreateValidatorTxBody(@Schema(required = true) CoinJson selfDelegation,
        @Schema(required = true, description = "Decimal, at most 18 decimals; can never be changed later") String maxRate,
        @Schema(required = true, description = "Decimal, at most 18 decimals; can never be changed later") String maxChangeRate,
        @Schema(required = true, description = "Integer amount string > 0") String minSelfDelegation,
        @Schema(enumeration = {
                "direct", "amino"}, description = "amino for Ledger accounts; default direct") String signMode,
        @Schema(description = "Optional keybase-style identity, at most 3000 bytes") String identity,
        @Schema(description = "Optional security contact, at most 140 bytes") String securityContact){

    public record CoinJson(String denom, String amount) {
    }
}
