package network.omniphi.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Amino sign docs: cosmos-sdk v0.50 x/tx/signing/aminojson (keys sorted, compact) with Go 1.22+ encoding/json string
 * escaping (encode.go {@code appendString}: {@code & < >} and U+2028/U+2029 as \\u escapes, \\b \\f \\n \\r \\t short
 * forms, other control characters as \\u00XX), which is also what CosmJS {@code serializeSignDoc} writes for every
 * character but U+2028/U+2029. The suite's own documents: JSON.stringify escaping and plain integers.
 */
class CanonicalJsonTest {

    @Test
    void keysAreSortedAtEveryLevelWithoutWhitespace() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("type", "cosmos-sdk/MsgCreateValidator");
        inner.put("value", Map.of("b", "2", "a", "1"));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("sequence", "0");
        doc.put("msgs", List.of(inner, "x"));
        doc.put("fee", Map.of());
        doc.put("chain_id", "omniphi-devnet-1");

        assertThat(CanonicalJson.aminoSignDoc(doc)).isEqualTo("{\"chain_id\":\"omniphi-devnet-1\",\"fee\":{},"
                + "\"msgs\":[{\"type\":\"cosmos-sdk/MsgCreateValidator\",\"value\":{\"a\":\"1\",\"b\":\"2\"}},\"x\"],"
                + "\"sequence\":\"0\"}");
        assertThat(CanonicalJson.aminoSignDoc(List.of())).isEqualTo("[]");
    }

    @Test
    void signDocStringsAreEscapedLikeGoEncodingJson() {
        assertThat(CanonicalJson.aminoSignDoc("Tom & Jerry <v>")).isEqualTo("\"Tom \\u0026 Jerry \\u003cv\\u003e\"");
        assertThat(CanonicalJson.aminoSignDoc("q\"b\\n\nr\rt\tb\bf\f"))
                .isEqualTo("\"q\\\"b\\\\n\\nr\\rt\\tb\\bf\\f\"");
        assertThat(CanonicalJson.aminoSignDoc("\u0000\u0001\u001f\u2028\u2029"))
                .isEqualTo("\"\\u0000\\u0001\\u001f\\u2028\\u2029\"");
        assertThat(CanonicalJson.aminoSignDoc("é😀/")).isEqualTo("\"é😀/\"");
    }

    @Test
    void signDocsHoldOnlyStringsMapsAndLists() {
        assertThatThrownBy(() -> CanonicalJson.aminoSignDoc(Map.of("n", 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.aminoSignDoc(List.of(1L))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.aminoSignDoc(Map.of("k", true)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.aminoSignDoc(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ownDocumentsCarryIntegersAndEscapeLikeJsonStringify() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("walletAddress", "omni1x");
        doc.put("blockHeight", 9_007_199_254_740_993L);
        doc.put("localRpcPort", 26657);
        doc.put("note", "a&b <c> \b\f\u2028");

        assertThat(CanonicalJson.write(doc)).isEqualTo("{\"blockHeight\":9007199254740993,\"localRpcPort\":26657,"
                + "\"note\":\"a&b <c> \\b\\f\u2028\",\"walletAddress\":\"omni1x\"}");
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("d", 1.5))).isInstanceOf(IllegalArgumentException.class);
    }
}
