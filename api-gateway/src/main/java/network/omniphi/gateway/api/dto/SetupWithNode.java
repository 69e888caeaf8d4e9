package network.omniphi.gateway.api.dto;

/** {@code {setupRequest, node}} — answer of GET setup-requests/{id}. */
public record SetupWithNode(SetupRequestJson setupRequest, NodeJson node) {
}
