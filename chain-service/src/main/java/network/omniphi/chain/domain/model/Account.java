package network.omniphi.chain.domain.model;

public record Account(long accountNumber, long sequence) {
}
