package network.omniphi.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import network.omniphi.codec.JsonStrings.Escaping;

/**
 * ECMA-262 QuoteJSONString (JSON.stringify) and Go encoding/json appendString agree on quotes, backslash and the
 * control characters (short forms for \b \f \n \r \t, lower-case \\u00XX for the rest); Go adds {@code & < >} and
 * U+2028/U+2029.
 */
class JsonStringsTest {

    @Test
    void bothEscapingsAgreeOnQuotesBackslashAndControlCharacters() {
        String text = "\"\\\b\f\n\r\t\u0000\u001f\u007f/é";
        String expected = "\"\\\"\\\\\\b\\f\\n\\r\\t\\u0000\\u001f\u007f/é\"";
        assertThat(JsonStrings.quote(text, Escaping.ECMASCRIPT)).isEqualTo(expected);
        assertThat(JsonStrings.quote(text, Escaping.GO_HTML_SAFE)).isEqualTo(expected);
    }

    @Test
    void onlyGoEscapesHtmlCharactersAndLineSeparators() {
        assertThat(JsonStrings.quote("<a&b>\u2028\u2029", Escaping.ECMASCRIPT)).isEqualTo("\"<a&b>\u2028\u2029\"");
        assertThat(JsonStrings.quote("<a&b>\u2028\u2029", Escaping.GO_HTML_SAFE))
                .isEqualTo("\"\\u003ca\\u0026b\\u003e\\u2028\\u2029\"");
    }
}
