package network.omniphi.chain.infra.cosmos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import network.omniphi.chain.domain.Addresses;
import network.omniphi.chain.domain.AminoSignDocs;
import network.omniphi.chain.domain.BroadcastService;
import network.omniphi.chain.domain.LegacyDec;
import network.omniphi.chain.domain.SignBytes;
import network.omniphi.chain.domain.model.AminoDecForm;
import network.omniphi.chain.domain.model.Coin;
import network.omniphi.chain.domain.model.CommissionRates;
import network.omniphi.chain.domain.model.CreateValidatorMsg;
import network.omniphi.chain.domain.model.DecodedTx;
import network.omniphi.chain.domain.model.Description;
import network.omniphi.chain.domain.model.SignMode;
import network.omniphi.chain.domain.model.TxDraft;
import network.omniphi.codec.Secp256k1;

/**
 * Byte equality with the vectors CosmJS computed (tools/cosmjs/vectors.mjs → testdata/cosmjs): both sign modes, both
 * LegacyDec amino forms (x/tx before and from v0.13.6), zero fee ({@code "amount":[]}) and timeout heights.
 */
class CosmJsVectorsTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final JsonNode ROOT = load();
    private final CosmosTxCodec codec = new CosmosTxCodec();
    private final Addresses addresses = new Addresses("omni", "omnivaloper");

    static JsonNode load() {
        try {
            return new ObjectMapper().readTree(Path.of("..", "testdata", "cosmjs", "create-validator-vectors.json")
                    .toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<JsonNode> vectors() {
        return Stream.of(ROOT.get("vectors").elements()).flatMap(it -> {
            List<JsonNode> list = new java.util.ArrayList<>();
            it.forEachRemaining(list::add);
            return list.stream();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void bodyAuthInfoAndSignBytesEqualCosmJs(JsonNode v) {
        TxDraft draft = draft(v);

        assertThat(HEX.formatHex(codec.bodyBytes(draft))).isEqualTo(v.get("bodyBytesHex").asText());
        assertThat(HEX.formatHex(codec.authInfoBytes(draft))).isEqualTo(v.get("authInfoBytesHex").asText());
        byte[] signBytes = signBytes(v, draft);
        assertThat(HEX.formatHex(signBytes)).isEqualTo(v.get("signBytesHex").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void cosmJsSignatureVerifiesAndTxHashMatches(JsonNode v) {
        byte[] txRaw = Base64.getDecoder().decode(v.get("txRawBase64").asText());
        byte[] pubkey = Base64.getDecoder().decode(ROOT.get("signerPubkeyBase64").asText());

        DecodedTx decoded = codec.decode(txRaw);

        assertThat(BroadcastService.txHash(txRaw)).isEqualTo(v.get("txHash").asText());
        assertThat(decoded.msg()).isEqualTo(draft(v).msg());
        assertThat(decoded.mode()).isEqualTo(mode(v));
        assertThat(decoded.sequence()).isEqualTo(v.get("sequence").asLong());
        assertThat(decoded.gasLimit()).isEqualTo(v.get("gasLimit").asLong());
        assertThat(decoded.timeoutHeight()).isEqualTo(v.get("timeoutHeight").asLong());
        assertThat(Secp256k1.verify(pubkey, signBytes(v, draft(v)), decoded.signatures().get(0))).isTrue();
        assertThat(Secp256k1.verify(pubkey, "other".getBytes(StandardCharsets.UTF_8),
                decoded.signatures().get(0))).isFalse();
    }

    /** A Ledger signature made for one kind of chain does not verify on the other (code 4 there). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void aminoSignatureDoesNotVerifyInTheOtherLegacyDecForm(JsonNode v) {
        if (mode(v) != SignMode.AMINO) {
            return;
        }
        AminoDecForm form = AminoDecForm.parse(v.get("aminoLegacyDec").asText());
        AminoDecForm other = form == AminoDecForm.DECIMAL ? AminoDecForm.INTEGER : AminoDecForm.DECIMAL;
        TxDraft draft = draft(v);
        byte[] txRaw = Base64.getDecoder().decode(v.get("txRawBase64").asText());
        byte[] pubkey = Base64.getDecoder().decode(ROOT.get("signerPubkeyBase64").asText());

        String otherDoc = AminoSignDocs.render(ROOT.get("chainId").asText(), v.get("accountNumber").asLong(),
                draft.sequence(), List.of(draft.fee()), draft.gasLimit(), draft.memo(), draft.timeoutHeight(),
                draft.msg(), other);

        assertThat(otherDoc).isNotEqualTo(v.get("aminoSignDoc").asText());
        assertThat(Secp256k1.verify(pubkey, otherDoc.getBytes(StandardCharsets.UTF_8),
                codec.decode(txRaw).signatures().get(0))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void addressesDeriveLikeCosmJs(JsonNode v) {
        byte[] pubkey = Base64.getDecoder().decode(ROOT.get("signerPubkeyBase64").asText());

        assertThat(addresses.accountOf(pubkey)).isEqualTo(ROOT.get("walletAddress").asText());
        assertThat(addresses.operatorOf(ROOT.get("walletAddress").asText()))
                .isEqualTo(ROOT.get("operatorAddress").asText());
    }

    private byte[] signBytes(JsonNode v, TxDraft draft) {
        String chainId = ROOT.get("chainId").asText();
        long account = v.get("accountNumber").asLong();
        if (mode(v) == SignMode.DIRECT) {
            return SignBytes.direct(codec.bodyBytes(draft), codec.authInfoBytes(draft), chainId, account);
        }
        String json = AminoSignDocs.render(chainId, account, draft.sequence(), List.of(draft.fee()),
                draft.gasLimit(), draft.memo(), draft.timeoutHeight(), draft.msg(),
                AminoDecForm.parse(v.get("aminoLegacyDec").asText()));
        assertThat(json).isEqualTo(v.get("aminoSignDoc").asText());
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static SignMode mode(JsonNode v) {
        return "amino".equals(v.get("mode").asText()) ? SignMode.AMINO : SignMode.DIRECT;
    }

    private static TxDraft draft(JsonNode v) {
        JsonNode d = v.get("description");
        JsonNode c = v.get("commission");
        CreateValidatorMsg msg = new CreateValidatorMsg(
                new Description(d.get("moniker").asText(), d.get("identity").asText(), d.get("website").asText(),
                        d.get("securityContact").asText(), d.get("details").asText()),
                new CommissionRates(LegacyDec.parse(c.get("rate").asText()), LegacyDec.parse(c.get("maxRate").asText()),
                        LegacyDec.parse(c.get("maxChangeRate").asText())),
                new BigInteger(v.get("minSelfDelegation").asText()), ROOT.get("operatorAddress").asText(),
                ROOT.get("consensusPubkeyBase64").asText(), coin(v.get("value")));
        return new TxDraft(msg, Base64.getDecoder().decode(ROOT.get("signerPubkeyBase64").asText()),
                v.get("sequence").asLong(), mode(v), v.get("gasLimit").asLong(), coin(v.get("fee")),
                v.get("memo").asText(), v.get("timeoutHeight").asLong());
    }

    private static Coin coin(JsonNode n) {
        return new Coin(n.get("denom").asText(), new BigInteger(n.get("amount").asText()));
    }
}
