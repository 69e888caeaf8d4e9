package network.omniphi.chain.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import network.omniphi.chain.domain.Addresses;
import network.omniphi.chain.domain.BlockTimeEstimator;
import network.omniphi.chain.domain.ChainSettings;
import network.omniphi.chain.domain.InputRules;
import network.omniphi.chain.domain.TrackingService;
import network.omniphi.chain.domain.model.AminoDecForm;

/** Builds the plain domain objects from configuration. */
@ApplicationScoped
public class DomainProducers {

    private static final Pattern GAS_PRICE = Pattern.compile("(\\d+(?:\\.\\d+)?)([a-zA-Z][a-zA-Z0-9/:._-]{2,127})");

    @Produces
    @Singleton
    Addresses addresses(ChainServiceConfig config) {
        return new Addresses(config.accountPrefix(), config.operatorPrefix());
    }

    @Produces
    @Singleton
    InputRules inputRules(Addresses addresses) {
        return new InputRules(addresses);
    }

    @Produces
    @Singleton
    ChainSettings chainSettings(ChainServiceConfig config) {
        Matcher m = GAS_PRICE.matcher(config.gasPrice().strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("omniphi.chain.gas-price must look like 0.025omniphi");
        }
        if (config.gasAdjustment().compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalArgumentException("omniphi.chain.gas-adjustment must be at least 1");
        }
        return new ChainSettings(config.gasAdjustment(), new BigDecimal(m.group(1)), m.group(2),
                config.maxNodeLagBlocks(), BigInteger.valueOf(config.powerReduction()), config.expectedBlockTime(),
                AminoDecForm.parse(config.aminoLegacyDec()), validity(config.txValidity()));
    }

    private static java.time.Duration validity(java.time.Duration validity) {
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("omniphi.chain.tx-validity must be positive");
        }
        return validity;
    }

    @Produces
    @Singleton
    BlockTimeEstimator blockTimeEstimator(ChainServiceConfig config) {
        return new BlockTimeEstimator(config.expectedBlockTime());
    }

    @Produces
    @Singleton
    TrackingService.TrackingSettings trackingSettings(ChainServiceConfig config) {
        return new TrackingService.TrackingSettings(config.tracker().inclusionTimeout());
    }
}
