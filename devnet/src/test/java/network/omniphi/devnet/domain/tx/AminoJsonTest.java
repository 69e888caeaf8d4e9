package network.omniphi.devnet.domain.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class AminoJsonTest {

    private static final byte[] KEY = new byte[32];

    static {
        for (int i = 0; i < 32; i++) {
            KEY[i] = (byte) (i + 1);
        }
    }

    @Test
    void rendersTheSdkStdSignDocWithSortedKeysEscapingAndOmittedEmptyFields() {
        MsgCreateValidator msg = new MsgCreateValidator(
                new Description("A&B <val>", "", "https://x.y/?a=1&b=2", "", ""),
                new CommissionRates("100000000000000000", "200000000000000000", "10000000000000000"), "1", "",
                "omnivaloper1e358tk66sckglfuknszrz3xmwevck8nl22udmt", MsgCreateValidator.ED25519_TYPE_URL, KEY,
                new Coin("omniphi", "5000000"));

        String doc = AminoJson.signDoc(tx(msg, ""), "omniphi-devnet-1", 7, 0);

        assertThat(doc).isEqualTo("{\"account_number\":\"7\",\"chain_id\":\"omniphi-devnet-1\","
                + "\"fee\":{\"amount\":[{\"amount\":\"5000\",\"denom\":\"omniphi\"}],\"gas\":\"200000\"},"
                + "\"memo\":\"\",\"msgs\":[{\"type\":\"cosmos-sdk/MsgCreateValidator\",\"value\":{"
                + "\"commission\":{\"max_change_rate\":\"0.010000000000000000\","
                + "\"max_rate\":\"0.200000000000000000\",\"rate\":\"0.100000000000000000\"},"
                + "\"description\":{\"moniker\":\"A\\u0026B \\u003cval\\u003e\","
                + "\"website\":\"https://x.y/?a=1\\u0026b=2\"},"
                + "\"min_self_delegation\":\"1\","
                + "\"pubkey\":{\"type\":\"tendermint/PubKeyEd25519\","
                + "\"value\":\"AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=\"},"
                + "\"validator_address\":\"omnivaloper1e358tk66sckglfuknszrz3xmwevck8nl22udmt\","
                + "\"value\":{\"amount\":\"5000000\",\"denom\":\"omniphi\"}}}],\"sequence\":\"0\"}");
    }

    @Test
    void keepsDelegatorAddressMemoAndAllDescriptionFieldsWhenSet() {
        MsgCreateValidator msg = new MsgCreateValidator(new Description("m", "id", "w", "sec@x", "d\"q\n"),
                new CommissionRates("0", "1000000000000000000", "0"), "1000000",
                "omni1e358tk66sckglfuknszrz3xmwevck8nlvfh2ve", "omnivaloper1e358tk66sckglfuknszrz3xmwevck8nl22udmt",
                MsgCreateValidator.ED25519_TYPE_URL, KEY, new Coin("omniphi", "1000000"));

        String doc = AminoJson.signDoc(tx(msg, "hi>"), "c", 0, 12);

        assertThat(doc).contains("\"memo\":\"hi\\u003e\"", "\"sequence\":\"12\"", "\"account_number\":\"0\"",
                "\"delegator_address\":\"omni1e358tk66sckglfuknszrz3xmwevck8nlvfh2ve\"",
                "\"description\":{\"details\":\"d\\\"q\\n\",\"identity\":\"id\",\"moniker\":\"m\","
                        + "\"security_contact\":\"sec@x\",\"website\":\"w\"}",
                "\"commission\":{\"max_change_rate\":\"0.000000000000000000\","
                        + "\"max_rate\":\"1.000000000000000000\",\"rate\":\"0.000000000000000000\"}");
        assertThat(doc).doesNotContain(" ", "timeout_height");
    }

    private static DecodedTx tx(MsgCreateValidator msg, String memo) {
        return new DecodedTx(new byte[0], new byte[0], new byte[0], List.of(), List.of(msg), memo, 0, false,
                List.of(), new Fee(List.of(new Coin("omniphi", "5000")), 200_000, "", ""));
    }
}
