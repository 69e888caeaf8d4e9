package network.omniphi.gateway.domain.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import network.omniphi.commons.error.FieldError;

/** Shape checks of a login (ADR-036 as Keplr signs it: secp256k1 compressed key, 64-byte r||s signature). */
class LoginRulesTest {

    // CosmJS vector key (testdata/cosmjs)
    static final String WALLET = "omni10m40e5xlpnpekaw9g9ru4alppg0g4ppf32j7x9";
    static final String PUBKEY = "A2HDJZ8mll0ZfGlOD5Pky3Vb2ZsQjbdnmRbM+7xJRHxJ";
    static final String SIG = Base64.getEncoder().encodeToString(new byte[64]);

    static LoginRequest req(String wallet, String type, String key, String sig, String message) {
        return new LoginRequest(wallet, type, key, sig, message);
    }

    static List<String> fields(LoginRequest r) {
        return LoginRules.check(r, "omni").stream().map(FieldError::field).toList();
    }

    @Test
    void aWellFormedLoginHasNoErrors() {
        assertThat(LoginRules.check(req(WALLET, LoginRules.PUBKEY_TYPE, PUBKEY, SIG, "challenge"), "omni")).isEmpty();
    }

    @Test
    void eachMalformedPartIsNamed() {
        assertThat(fields(req("omni1xyz", "tendermint/PubKeyEd25519", "not base64!", "AAAA", "")))
                .containsExactly("walletAddress", "pubKey.type", "pubKey.value", "signature", "message");
    }

    @Test
    void theKeyMustBeAPointOnTheCurve() {
        // a 65-byte uncompressed key and a compressed key with a wrong prefix byte are both refused
        String uncompressed = Base64.getEncoder().encodeToString(new byte[65]);
        assertThat(fields(req(WALLET, LoginRules.PUBKEY_TYPE, uncompressed, SIG, "m"))).containsExactly("pubKey.value");
        byte[] badPrefix = Base64.getDecoder().decode(PUBKEY);
        badPrefix[0] = 4;
        assertThat(fields(req(WALLET, LoginRules.PUBKEY_TYPE, Base64.getEncoder().encodeToString(badPrefix), SIG,
                "m"))).containsExactly("pubKey.value");
    }

    @Test
    void theMessageIsBoundedInLength() {
        assertThat(fields(req(WALLET, LoginRules.PUBKEY_TYPE, PUBKEY, SIG, "x".repeat(LoginRules.MESSAGE_MAX_CHARS))))
                .isEmpty();
        assertThat(fields(req(WALLET, LoginRules.PUBKEY_TYPE, PUBKEY, SIG,
                "x".repeat(LoginRules.MESSAGE_MAX_CHARS + 1)))).containsExactly("message");
    }

    @Test
    void decodeIsStrictBase64AndBounded() {
        assertThat(LoginRules.decode("AAEC")).containsExactly(0, 1, 2);
        assertThat(LoginRules.decode("AA-_")).isNull(); // URL alphabet is not accepted
        assertThat(LoginRules.decode(null)).isNull();
        assertThat(LoginRules.decode("A".repeat(204))).isNull();
    }
}
