package network.omniphi.gateway.api.dto;

/**
 * {@code {setupRequest, node}} — answer of GET setup-requests/{id}; with {@code chainInfo} (and its live jail budget)
 * once the chain knows the validator.
 */
public record SetupWithNode(SetupRequestJson setupRequest, NodeJson node,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) ChainInfoJson chainInfo) {

    public SetupWithNode(SetupRequestJson setupRequest, NodeJson node) {
        this(setupRequest, node, null);
    }
}
