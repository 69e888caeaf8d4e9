package network.omniphi.devnet.domain.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The sign-doc JSON of SIGN_MODE_LEGACY_AMINO_JSON: keys sorted at every level, compact (cosmos-sdk v0.50
 * x/tx/signing/aminojson), strings escaped like Go 1.22+ encoding/json (encode.go {@code appendString}: {@code & < >}
 * and U+2028/U+2029 as \\u escapes, \\b \\f \\n \\r \\t short forms, other control characters as \\u00XX).
 */
class CanonicalJsonTest {

    @Test
    void keysAreSortedAtEveryLevelWithoutWhitespace() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("type", "cosmos-sdk/MsgCreateValidator");
        inner.put("value", Map.of("b", "2", "a", "1"));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("sequence", "0");
        doc.put("msgs", List.of(inner));
        doc.put("chain_id", "omniphi-devnet-1");

        assertThat(CanonicalJson.write(doc)).isEqualTo("{\"chain_id\":\"omniphi-devnet-1\",\"msgs\":[{\"type\":"
                + "\"cosmos-sdk/MsgCreateValidator\",\"value\":{\"a\":\"1\",\"b\":\"2\"}}],\"sequence\":\"0\"}");
    }

    @Test
    void stringsAreEscapedLikeGoEncodingJson() {
        assertThat(CanonicalJson.write("Tom & Jerry <v>")).isEqualTo("\"Tom \\u0026 Jerry \\u003cv\\u003e\"");
        assertThat(CanonicalJson.write("q\"b\\n\nr\rt\tb\bf\f")).isEqualTo("\"q\\\"b\\\\n\\nr\\rt\\tb\\bf\\f\"");
        assertThat(CanonicalJson.write("\u0000\u001f\u2028\u2029")).isEqualTo("\"\\u0000\\u001f\\u2028\\u2029\"");
        assertThat(CanonicalJson.write("é🚀/")).isEqualTo("\"é🚀/\"");
    }

    @Test
    void onlyStringsMapsAndListsAreValues() {
        assertThatThrownBy(() -> CanonicalJson.write(List.of(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("k", true))).isInstanceOf(IllegalArgumentException.class);
    }
}
