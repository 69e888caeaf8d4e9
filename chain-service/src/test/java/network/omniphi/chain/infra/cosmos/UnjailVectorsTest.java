package network.omniphi.chain.infra.cosmos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import network.omniphi.chain.domain.AminoSignDocs;
import network.omniphi.chain.domain.BroadcastService;
import network.omniphi.chain.domain.SignBytes;
import network.omniphi.chain.domain.model.AminoDecForm;
import network.omniphi.chain.domain.model.Coin;
import network.omniphi.chain.domain.model.DecodedTx;
import network.omniphi.chain.domain.model.SignMode;
import network.omniphi.chain.domain.model.TxDraft;
import network.omniphi.chain.domain.model.UnjailMsg;
import network.omniphi.codec.Secp256k1;

/** MsgUnjail body, auth info, sign bytes, amino doc (with zero fee) and signatures byte-equal to CosmJS 0.39. */
class UnjailVectorsTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final JsonNode ROOT = load();
    private final CosmosTxCodec codec = new CosmosTxCodec();

    static JsonNode load() {
        try {
            return new ObjectMapper().readTree(Path.of("..", "testdata", "cosmjs", "unjail-vectors.json").toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<JsonNode> vectors() {
        List<JsonNode> list = new ArrayList<>();
        ROOT.get("vectors").elements().forEachRemaining(list::add);
        return list.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void bytesAndSignaturesEqualCosmJs(JsonNode v) {
        TxDraft draft = draft(v);
        byte[] pubkey = Base64.getDecoder().decode(ROOT.get("signerPubkeyBase64").asText());
        byte[] txRaw = Base64.getDecoder().decode(v.get("txRawBase64").asText());

        assertThat(HEX.formatHex(codec.bodyBytes(draft))).isEqualTo(v.get("bodyBytesHex").asText());
        assertThat(HEX.formatHex(codec.authInfoBytes(draft))).isEqualTo(v.get("authInfoBytesHex").asText());
        byte[] signBytes;
        if (draft.mode() == SignMode.DIRECT) {
            signBytes = SignBytes.direct(codec.bodyBytes(draft), codec.authInfoBytes(draft),
                    ROOT.get("chainId").asText(), v.get("accountNumber").asLong());
            assertThat(HEX.formatHex(signBytes)).isEqualTo(v.get("signBytesHex").asText());
        } else {
            String doc = AminoSignDocs.render(ROOT.get("chainId").asText(), v.get("accountNumber").asLong(),
                    draft.sequence(), List.of(draft.fee()), draft.gasLimit(), "", draft.timeoutHeight(), draft.msg(),
                    AminoDecForm.DECIMAL);
            assertThat(doc).isEqualTo(v.get("aminoSignDoc").asText());
            signBytes = doc.getBytes(StandardCharsets.UTF_8);
        }
        DecodedTx decoded = codec.decode(txRaw);
        assertThat(decoded.msg()).isEqualTo(draft.msg());
        assertThat(decoded.messageTypes()).containsExactly(UnjailMsg.TYPE_URL);
        assertThat(Secp256k1.verify(pubkey, signBytes, decoded.signatures().get(0))).isTrue();
        assertThat(BroadcastService.txHash(txRaw)).isEqualTo(v.get("txHash").asText());
    }

    private static TxDraft draft(JsonNode v) {
        JsonNode fee = v.get("fee");
        return new TxDraft(new UnjailMsg(ROOT.get("operatorAddress").asText()),
                Base64.getDecoder().decode(ROOT.get("signerPubkeyBase64").asText()), v.get("sequence").asLong(),
                "amino".equals(v.get("mode").asText()) ? SignMode.AMINO : SignMode.DIRECT, v.get("gasLimit").asLong(),
                new Coin(fee.get("denom").asText(), new BigInteger(fee.get("amount").asText())), "",
                v.get("timeoutHeight").asLong());
    }
}
