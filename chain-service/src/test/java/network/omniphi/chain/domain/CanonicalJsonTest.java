package network.omniphi.chain.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The JSON the SDK signs for amino sign docs: cosmos-sdk v0.50 x/tx/signing/aminojson (keys sorted, compact) and Go's
 * encoding/json string escaping (encode.go {@code appendString}: {@code & < >} and U+2028/U+2029 as \\u escapes, other
 * control characters as \\u00XX, \\n \\r \\t short forms).
 */
class CanonicalJsonTest {

    @Test
    void keysAreSortedAtEveryLevelWithoutWhitespace() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", "1");
        inner.put("a", "2");
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("msgs", List.of(inner, "x"));
        outer.put("fee", Map.of());
        outer.put("account_number", "7");

        assertThat(CanonicalJson.write(outer))
                .isEqualTo("{\"account_number\":\"7\",\"fee\":{},\"msgs\":[{\"a\":\"2\",\"z\":\"1\"},\"x\"]}");
    }

    @Test
    void stringsAreEscapedLikeGoEncodingJson() {
        assertThat(CanonicalJson.write("Tom & Jerry <v>")).isEqualTo("\"Tom \\u0026 Jerry \\u003cv\\u003e\"");
        assertThat(CanonicalJson.write("a\"b\\c\nd\re\tf")).isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\"");
        assertThat(CanonicalJson.write("\u0001\u001f\u2028\u2029")).isEqualTo("\"\\u0001\\u001f\\u2028\\u2029\"");
        assertThat(CanonicalJson.write("é😀/")).isEqualTo("\"é😀/\"");
        assertThat(CanonicalJson.write(List.of())).isEqualTo("[]");
    }

    @Test
    void onlyMapsListsAndStringsAreWritten() {
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("n", 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
