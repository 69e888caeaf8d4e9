package network.omniphi.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.Test;

/** RFC 4648 section 4 base64 with section 3.5's canonical encoding: one text per byte string. */
class CanonicalBase64Test {

    private static final byte[] KEY = new byte[32];

    static {
        for (int i = 0; i < KEY.length; i++) {
            KEY[i] = (byte) (i * 7 + 1);
        }
    }

    @Test
    void acceptsThePaddedStandardTextOfTheExpectedSize() {
        String text = Base64.getEncoder().encodeToString(KEY);
        assertThat(CanonicalBase64.decode(text, 32)).hasValueSatisfying(b -> assertThat(b).isEqualTo(KEY));
        assertThat(CanonicalBase64.decode(text, 33)).isEmpty();
    }

    @Test
    void refusesEveryOtherSpellingOfTheSameBytes() {
        String text = Base64.getEncoder().encodeToString(KEY);
        assertThat(text).endsWith("=");
        assertThat(CanonicalBase64.decode(text.substring(0, text.length() - 1), 32)).isEmpty(); // unpadded
        assertThat(CanonicalBase64.decode(Base64.getUrlEncoder().encodeToString(new byte[]{-5, -1, -2}), 3))
                .isEmpty(); // URL alphabet
        // the last character carries 2 pad bits: setting one decodes to the same bytes but is not canonical
        char last = text.charAt(text.length() - 2);
        String nonZeroPad = text.substring(0, text.length() - 2) + (char) (last + 1) + "=";
        assertThat(Base64.getDecoder().decode(nonZeroPad)).isEqualTo(KEY);
        assertThat(CanonicalBase64.decode(nonZeroPad, 32)).isEmpty();
        assertThat(CanonicalBase64.decode("not base64!", 32)).isEmpty();
        assertThat(CanonicalBase64.decode(null, 32)).isEmpty();
    }
}
