package network.omniphi.provisioning.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import network.omniphi.commons.error.FieldError;

/**
 * The provisioner's moniker rule is the gateway's (commons DisplayText plus the 70-byte limit), so a setup the gateway
 * accepted never fails late here: quotes, backslashes, markup and emoji pass; what the gateway refuses is refused.
 */
class NodeSpecRulesTest {

    private static final String SETUP = "5f0c6c1e-8d7a-4b7e-9a55-3f1f0c2d9e11";

    @ParameterizedTest
    @ValueSource(strings = {"alice", "Tom \"the\" node", "back\\slash", "Tom & Jerry <v>", "🚀 rocket",
            "日本語のバリデータ", "e\u0301", "a-70-byte-moniker-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void acceptsEveryMonikerTheGatewayAccepts(String moniker) {
        assertThatCode(() -> NodeSpecRules.check(SETUP, moniker, "omniphi-devnet-1")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"new\nline", "tab\there", "nul\u0000", "rlo\u202eevil", "zero\u200bwidth", "bom\ufeff",
            "line\u2028sep", "c1\u0085"})
    void refusesWhatTheGatewayRefuses(String moniker) {
        var e = catchThrowableOfType(ProvisioningException.InvalidNodeSpec.class,
                () -> NodeSpecRules.check(SETUP, moniker, "omniphi-devnet-1"));

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("validatorName");
        assertThat(e.errors().get(0).message()).startsWith("must not contain");
    }

    @Test
    void theMonikerLimitIsSeventyUtf8BytesNotCharacters() {
        assertThatCode(() -> NodeSpecRules.check(SETUP, "é".repeat(35), "c")).doesNotThrowAnyException();
        var e = catchThrowableOfType(ProvisioningException.InvalidNodeSpec.class,
                () -> NodeSpecRules.check(SETUP, "é".repeat(35) + "x", "c"));
        assertThat(e.errors()).containsExactly(new FieldError("validatorName", "must be 1..70 UTF-8 bytes"));
    }

    @Test
    void everyWrongFieldIsListedAtOnce() {
        var e = catchThrowableOfType(ProvisioningException.InvalidNodeSpec.class,
                () -> NodeSpecRules.check(" ", null, "chain id with spaces"));

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("setupRequestId", "validatorName",
                "chainId");
    }

    @Test
    void setupIdsAndChainIdsHaveTheirBounds() {
        assertThatCode(() -> NodeSpecRules.check("x".repeat(128), "v", "a".repeat(50))).doesNotThrowAnyException();
        var e = catchThrowableOfType(ProvisioningException.InvalidNodeSpec.class,
                () -> NodeSpecRules.check("x".repeat(129), "v", "a".repeat(51)));
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("setupRequestId", "chainId");
    }
}
