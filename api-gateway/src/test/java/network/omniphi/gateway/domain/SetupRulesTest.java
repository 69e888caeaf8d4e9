package network.omniphi.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import network.omniphi.codec.Bech32;
import network.omniphi.commons.error.FieldError;

/**
 * Setup request rules. Limits from cosmos-sdk v0.50 x/staking/types/staking.go ({@code MaxMonikerLength} 70,
 * {@code MaxWebsiteLength} 140, {@code MaxDetailsLength} 280, counted in bytes) and math/dec.go (LegacyDec: 18
 * decimals).
 */
class SetupRulesTest {

    // CosmJS vector key (testdata/cosmjs)
    static final String WALLET = "omni10m40e5xlpnpekaw9g9ru4alppg0g4ppf32j7x9";
    static final SetupPolicy POLICY = new SetupPolicy(Set.of("gke", "eks"), "gke", new BigDecimal("0.05"), "omni");

    static NewSetup setup(String wallet, String name, String rate, String runMode, String provider) {
        return new NewSetup(wallet, name, "https://example.com", "a validator", rate, runMode, provider);
    }

    static List<String> fields(NewSetup cmd) {
        return SetupRules.check(cmd, POLICY).stream().map(FieldError::field).toList();
    }

    @Test
    void aValidCloudSetupHasNoErrors() {
        assertThat(SetupRules.check(setup(WALLET, "my-node", "0.10", "cloud", null), POLICY)).isEmpty();
        assertThat(SetupRules.check(setup(WALLET, "my-node", "1", "local", "local"), POLICY)).isEmpty();
    }

    @Test
    void everyMissingFieldIsNamed() {
        assertThat(SetupRules.check(new NewSetup(null, " ", null, null, "", null, null), POLICY))
                .containsExactly(new FieldError("walletAddress", "is required"),
                        new FieldError("validatorName", "is required"),
                        new FieldError("commissionRate", "is required"), new FieldError("runMode", "is required"));
    }

    @Test
    void walletAddressesAreRefusedWithTheReason() {
        assertThat(walletErrors(Bech32.convert(WALLET, "cosmos")))
                .containsExactly(new FieldError("walletAddress", "must be an address with the prefix 'omni'"));
        assertThat(walletErrors(Bech32.encode("omni", new byte[21])))
                .containsExactly(new FieldError("walletAddress", "must encode 20 or 32 bytes"));
        // upper case is valid bech32 but not the form the chain prints
        assertThat(walletErrors(WALLET.toUpperCase(java.util.Locale.ROOT)))
                .containsExactly(new FieldError("walletAddress", "must be lower case"));
        assertThat(walletErrors(Bech32.encode("omni", new byte[32]))).isEmpty();
    }

    static List<FieldError> walletErrors(String address) {
        List<FieldError> errors = new ArrayList<>();
        SetupRules.checkWallet(address, "omni", "walletAddress", errors);
        return errors;
    }

    @Test
    void aBrokenChecksumIsRefused() {
        List<FieldError> errors = new ArrayList<>();
        SetupRules.checkWallet(WALLET.substring(0, WALLET.length() - 1) + "8", "omni", "w", errors);
        assertThat(errors).extracting(FieldError::field).containsExactly("w");
    }

    @Test
    void monikerLimitIsSeventyUtf8Bytes() {
        String seventy = "é".repeat(35);
        String seventyOne = "é".repeat(35) + "x";
        assertThat(fields(setup(WALLET, seventy, "0.1", "cloud", null))).isEmpty();
        assertThat(fields(setup(WALLET, seventyOne, "0.1", "cloud", null))).containsExactly("validatorName");
        assertThat(fields(setup(WALLET, " padded", "0.1", "cloud", null))).containsExactly("validatorName");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.0", "1", "1.000000000000000000", "0.123456789012345678"})
    void commissionsInZeroToOneWithEighteenDecimalsPass(String rate) {
        assertThat(fields(setup(WALLET, "v", rate, "cloud", null))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.01", "-0.1", "1e-1", ".5", "0.1234567890123456789", "abc", "2"})
    void commissionsOutsideOrMalformedAreRefused(String rate) {
        assertThat(fields(setup(WALLET, "v", rate, "cloud", null))).containsExactly("commissionRate");
    }

    @Test
    void runModeAndProviderMustMatch() {
        assertThat(fields(setup(WALLET, "v", "0.1", "hybrid", null))).containsExactly("runMode");
        assertThat(fields(setup(WALLET, "v", "0.1", "local", "gke"))).containsExactly("provider");
        assertThat(fields(setup(WALLET, "v", "0.1", "cloud", "azure"))).containsExactly("provider");
        assertThat(fields(setup(WALLET, "v", "0.1", "cloud", "eks"))).isEmpty();
    }

    @Test
    void theProviderResolvesToLocalTheChosenOneOrTheDefault() {
        assertThat(SetupRules.resolveProvider(setup(WALLET, "v", "0.1", "local", null), POLICY)).isEqualTo("local");
        assertThat(SetupRules.resolveProvider(setup(WALLET, "v", "0.1", "cloud", "eks"), POLICY)).isEqualTo("eks");
        assertThat(SetupRules.resolveProvider(setup(WALLET, "v", "0.1", "cloud", null), POLICY)).isEqualTo("gke");
    }

    @Test
    void theCommissionIsNormalisedToEighteenDecimals() {
        assertThat(SetupRules.commission("0.1").toPlainString()).isEqualTo("0.100000000000000000");
    }
}
