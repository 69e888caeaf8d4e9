package network.omniphi.gateway.domain;

import java.math.BigDecimal;
import java.util.Set;

/** Product settings the setup rules depend on (from configuration). */
public record SetupPolicy(Set<String> cloudProviders, String defaultCloudProvider, BigDecimal minCommissionRate,
        String accountPrefix) {
}
