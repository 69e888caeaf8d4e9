package network.omniphi.commons.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DisplayTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"orion", "Tom & Jerry <v> \"quoted\" back\\slash", "Ünïcødé validator", "🚀 rocket",
            "e\u0301 combining", "日本語のバリデータ", "", "https://example.org/a?b=c#d", "6A0D65E29A4CBC8E",
            "security@example.org", "\uD83D\uDE80"})
    void allowsOrdinaryText(String value) {
        assertThat(DisplayText.problem(value)).isNull();
        assertThat(DisplayText.isAllowed(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad\u0000name", "new\nline", "tab\there", "carriage\rreturn", "del\u007f", "bell\u0007",
            "c1\u0085nel", "c1\u009f", "escape\u001b[31m"})
    void refusesC0AndC1ControlCharacters(String value) {
        assertThat(DisplayText.problem(value)).startsWith("must not contain control characters (U+");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zero\u200bwidth", "lrm\u200e", "rlm\u200f", "zwnj\u200c", "zwj\u200d", "lre\u202a",
            "rlo\u202eevil", "pdf\u202c", "lri\u2066", "pdi\u2069", "bom\ufeff", "soft\u00adhyphen", "wj\u2060",
            "alm\u061c", "tag\uDB40\uDC01"})
    void refusesInvisibleAndBidiFormatCharacters(String value) {
        assertThat(DisplayText.problem(value)).startsWith("must not contain invisible or bidirectional format");
    }

    @ParameterizedTest
    @ValueSource(strings = {"line\u2028sep", "para\u2029sep"})
    void refusesSeparatorsThatGoAndJavaScriptEscapeDifferently(String value) {
        assertThat(DisplayText.problem(value)).startsWith("must not contain line or paragraph separators");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lone\ud800", "\udfffreversed\ud800", "end\ud83d"})
    void refusesLoneSurrogates(String value) {
        assertThat(DisplayText.problem(value)).isEqualTo("must be valid Unicode text (it has a lone surrogate)");
    }

    @org.junit.jupiter.api.Test
    void namesTheCodePoint() {
        assertThat(DisplayText.problem("a\u202eb")).isEqualTo(
                "must not contain invisible or bidirectional format characters (U+202E)");
        assertThat(DisplayText.problem(null)).isNull();
    }
}
