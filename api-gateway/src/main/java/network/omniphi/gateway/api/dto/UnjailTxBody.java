package network.omniphi.gateway.api.dto;

/** Body of {@code POST /api/v1/validators/setup-requests/{id}/unjail-tx}: {@code signMode} direct (default) or amino. */
public record UnjailTxBody(String signMode) {
}
