package network.omniphi.devnet.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import network.omniphi.devnet.api.codec.ProtoTxCodec;
import network.omniphi.devnet.domain.ChainEngine;
import network.omniphi.devnet.domain.ChainParams;
import network.omniphi.devnet.domain.Dec;
import network.omniphi.devnet.domain.Genesis;

/** Builds the chain engine from {@link DevnetConfig}; refuses malformed configuration at start-up. */
public class ChainEngineProducer {

    private static final Pattern GAS_PRICE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)([a-zA-Z][a-zA-Z0-9/:._-]{2,127})");

    @Produces
    @Singleton
    ChainEngine chainEngine(DevnetConfig config) {
        Clock clock = Clock.systemUTC();
        return new ChainEngine(params(config), genesis(config, clock), new ProtoTxCodec(), clock);
    }

    static ChainParams params(DevnetConfig config) {
        DevnetConfig.Staking staking = config.staking();
        return new ChainParams(config.chainId(), staking.bondDenom(), staking.maxValidators(),
                Dec.parseHuman(staking.minCommissionRate()), staking.unbondingTime(),
                config.slashing().signedBlocksWindow(), Dec.parseHuman(config.slashing().minSignedPerWindow()),
                config.slashing().downtimeJailDuration(), minGasPrice(config.minGasPrice(), staking.bondDenom()),
                config.blockHistory());
    }

    static Genesis genesis(DevnetConfig config, Clock clock) {
        List<Genesis.FundedAccount> accounts = config.genesis().accounts().orElse(List.of()).stream()
                .filter(entry -> !entry.isBlank())
                .map(entry -> {
                    String[] parts = split(entry, "devnet.genesis.accounts");
                    return new Genesis.FundedAccount(parts[0], new BigInteger(parts[1]));
                }).toList();
        List<Genesis.GenesisValidator> validators = config.genesis().validators().stream()
                .map(entry -> {
                    String[] parts = split(entry, "devnet.genesis.validators");
                    return new Genesis.GenesisValidator(parts[0], Long.parseLong(parts[1]));
                }).toList();
        return new Genesis(clock.instant(), accounts, validators);
    }

    private static String[] split(String entry, String key) {
        int eq = entry.lastIndexOf('=');
        if (eq <= 0 || eq == entry.length() - 1 || !entry.substring(eq + 1).trim().matches("[0-9]+")) {
            throw new IllegalArgumentException(key + " entries must look like name=integer, got '" + entry + "'");
        }
        return new String[]{entry.substring(0, eq).trim(), entry.substring(eq + 1).trim()};
    }

    private static BigDecimal minGasPrice(String text, String bondDenom) {
        Matcher m = GAS_PRICE.matcher(text.trim());
        if (!m.matches() || !m.group(2).equals(bondDenom)) {
            throw new IllegalArgumentException(
                    "devnet.min-gas-price must be <decimal>" + bondDenom + ", got '" + text + "'");
        }
        return new BigDecimal(m.group(1));
    }
}
