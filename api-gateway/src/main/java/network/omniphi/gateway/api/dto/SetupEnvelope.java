package network.omniphi.gateway.api.dto;

/** {@code {setupRequest}} — answer of create and stop. */
public record SetupEnvelope(SetupRequestJson setupRequest) {
}
