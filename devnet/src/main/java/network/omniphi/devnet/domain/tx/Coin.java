package network.omniphi.devnet.domain.tx;

/** A coin as carried on the wire: denom and the integer amount string (not yet validated). */
public record Coin(String denom, String amount) {
}
