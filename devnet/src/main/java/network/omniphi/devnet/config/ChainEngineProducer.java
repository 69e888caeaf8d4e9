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
import network.omniphi.devnet.domain.tx.AminoDecForm;

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
                config.blockHistory(), AminoDecForm.parse(config.aminoLegacyDec()), txIndex(config.txIndex()),
                network.omniphi.devnet.domain.Liveness.Mode.parse(config.slashing().liveness()));
    }

    private static boolean txIndex(String indexer) {
        return switch (indexer.strip()) {
            case "kv" -> true;
            case "null" -> false;
            default -> throw new IllegalArgumentException("devnet.tx-index must be 'kv' or 'null', got '" + indexer
                    + "'");
        };
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
        List<Genesis.VestingAccount> vesting = config.genesis().vestingAccounts().orElse(List.of()).stream()
                .filter(entry -> !entry.isBlank()).map(ChainEngineProducer::vestingAccount).toList();
        return new Genesis(clock.instant(), accounts, validators, vesting);
    }

    private static Genesis.VestingAccount vestingAccount(String entry) {
        int at = entry.lastIndexOf('@');
        if (at <= 0) {
            throw new IllegalArgumentException(
                    "devnet.genesis.vesting-accounts entries must look like omni1...=amount@PT1H, got '" + entry + "'");
        }
        String[] parts = split(entry.substring(0, at), "devnet.genesis.vesting-accounts");
        return new Genesis.VestingAccount(parts[0], new BigInteger(parts[1]),
                java.time.Duration.parse(entry.substring(at + 1).trim()));
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
