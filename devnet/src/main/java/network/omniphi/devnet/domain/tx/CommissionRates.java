package network.omniphi.devnet.domain.tx;

/** Commission rates in their wire form: LegacyDec integer strings (value × 10^18). */
public record CommissionRates(String rate, String maxRate, String maxChangeRate) {
}
