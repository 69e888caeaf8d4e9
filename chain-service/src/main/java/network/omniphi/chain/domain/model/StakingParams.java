package network.omniphi.chain.domain.model;

import java.math.BigDecimal;

public record StakingParams(String bondDenom, int maxValidators, BigDecimal minCommissionRate) {
}
