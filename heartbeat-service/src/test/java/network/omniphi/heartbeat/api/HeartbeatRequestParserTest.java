package network.omniphi.heartbeat.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import network.omniphi.commons.error.FieldError;
import network.omniphi.heartbeat.domain.HeartbeatException;
import network.omniphi.heartbeat.domain.SignedHeartbeat;
import network.omniphi.heartbeat.support.TestNode;

/** The strict heartbeat body of docs/heartbeat-protocol.md, parsed without a running service. */
class HeartbeatRequestParserTest {

    static final ObjectMapper JSON = new ObjectMapper();
    final HeartbeatRequestParser parser = new HeartbeatRequestParser();
    final TestNode node = new TestNode();
    final Instant at = Instant.parse("2026-11-25T18:00:00.123Z");

    byte[] body(Map<String, Object> fields) throws Exception {
        return JSON.writeValueAsBytes(fields);
    }

    List<FieldError> errors(String body) {
        return catchThrowableOfType(HeartbeatException.InvalidHeartbeat.class,
                () -> parser.parse(body.getBytes(StandardCharsets.UTF_8))).errors();
    }

    String replace(String field, String jsonValue) throws Exception {
        String good = new String(body(node.signed(at, 42)), StandardCharsets.UTF_8);
        Object old = node.signed(at, 42).get(field);
        String oldJson = JSON.writeValueAsString(old);
        return good.replace("\"" + field + "\":" + oldJson, "\"" + field + "\":" + jsonValue);
    }

    @Test
    void aWellFormedHeartbeatIsParsedFieldByField() throws Exception {
        Map<String, Object> fields = node.signed(at, 42);

        SignedHeartbeat hb = parser.parse(body(fields));

        assertThat(hb.walletAddress()).isEqualTo(node.wallet);
        assertThat(hb.consensusPubkey()).isEqualTo(node.pubkey);
        assertThat(hb.blockHeight()).isEqualTo(42);
        assertThat(hb.uptimeSeconds()).isEqualTo(3600);
        assertThat(hb.localRpcPort()).isEqualTo(26657);
        assertThat(hb.localP2pPort()).isEqualTo(26656);
        assertThat(hb.timestampText()).isEqualTo("2026-11-25T18:00:00.123Z");
        assertThat(hb.timestamp()).isEqualTo(at);
        assertThat(hb.signature()).isEqualTo(Base64.getDecoder().decode((String) fields.get("signature")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "blockHeight|1.0", "blockHeight|1e3", "blockHeight|\"42\"", "blockHeight|-1",
            "localRpcPort|0", "localRpcPort|65536", "localP2pPort|null", "uptimeSeconds|true",
            "walletAddress|\"cosmos1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqnrql8a\"", "walletAddress|42",
            "consensusPubkey|\"AAAA\"", "timestamp|\"2026-11-25 18:00:00Z\"", "timestamp|\"2026-11-25T18:00:00+01:00\"",
            "signature|\"not base64\""})
    void eachWrongFieldIsNamed(String field, String jsonValue) throws Exception {
        assertThat(errors(replace(field, jsonValue))).extracting(FieldError::field).containsExactly(field);
    }

    @Test
    void nonCanonicalBase64IsRefused() throws Exception {
        // the same 32 bytes without padding: decodes, but is not the canonical text that was signed
        assertThat(errors(replace("consensusPubkey", "\"" + node.pubkey.replace("=", "") + "\"")))
                .extracting(FieldError::field).containsExactly("consensusPubkey");
    }

    @Test
    void unknownFieldsMissingFieldsAndErrorsComeSortedByField() {
        assertThat(errors("{\"zeta\":1,\"blockHeight\":1}")).extracting(FieldError::field).containsExactly(
                "consensusPubkey", "localP2pPort", "localRpcPort", "signature", "timestamp", "uptimeSeconds",
                "walletAddress", "zeta");
    }

    @Test
    void theBodyMustBeOneJsonObjectWithoutRepeatedFields() {
        assertThat(errors("")).containsExactly(new FieldError("body", "must be a JSON object"));
        assertThat(errors("[1]")).containsExactly(new FieldError("body", "must be a JSON object"));
        assertThat(errors("{\"blockHeight\":1,\"blockHeight\":2}")).extracting(FieldError::field)
                .containsExactly("body");
        assertThat(errors("{} {}")).extracting(FieldError::field).containsExactly("body");
    }

    @Test
    void aHugeNumberIsRefusedByItsTextBeforeParsing() {
        assertThat(errors("{\"blockHeight\":" + "9".repeat(10_000) + "}")).extracting(FieldError::field)
                .containsExactly("blockHeight");
    }
}
