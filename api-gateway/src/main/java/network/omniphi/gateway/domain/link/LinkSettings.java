package network.omniphi.gateway.domain.link;

/** The chain id the link proofs are signed for ({@code omniphi.gateway.chain-id}; devnet {@code omniphi-devnet-1}). */
public record LinkSettings(String chainId) {
}
