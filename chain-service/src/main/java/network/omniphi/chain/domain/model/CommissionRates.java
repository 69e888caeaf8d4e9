package network.omniphi.chain.domain.model;

import java.math.BigDecimal;

/** Commission rates as LegacyDec values (scale 18). */
public record CommissionRates(BigDecimal rate, BigDecimal maxRate, BigDecimal maxChangeRate) {
}
