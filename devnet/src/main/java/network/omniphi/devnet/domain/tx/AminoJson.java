package network.omniphi.devnet.domain.tx;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import network.omniphi.codec.AminoSignDoc;
import network.omniphi.devnet.domain.ChainError;
import network.omniphi.devnet.domain.ChainException;
import network.omniphi.devnet.domain.Dec;

/**
 * The legacy amino JSON StdSignDoc exactly as SDK 0.50 {@code x/tx} aminojson renders it for SIGN_MODE_LEGACY_AMINO_JSON:
 * sorted keys, numbers as strings, empty fields omitted unless the SDK marks them {@code dont_omitempty}
 * (account_number, chain_id, fee, fee.amount, fee.gas, memo, msgs, sequence; the message's description, commission and
 * its rates, min_self_delegation, value, coin amounts), LegacyDec as {@code "0.100000000000000000"} or, on a chain
 * configured like x/tx before v0.13.6, as the integer string ({@link AminoDecForm}).
 */
public final class AminoJson {

    private AminoJson() {
    }

    public static byte[] signBytes(DecodedTx tx, String chainId, long accountNumber, long sequence) {
        return signBytes(tx, chainId, accountNumber, sequence, AminoDecForm.DECIMAL);
    }

    public static byte[] signBytes(DecodedTx tx, String chainId, long accountNumber, long sequence,
            AminoDecForm decForm) {
        return signDoc(tx, chainId, accountNumber, sequence, decForm).getBytes(StandardCharsets.UTF_8);
    }

    public static String signDoc(DecodedTx tx, String chainId, long accountNumber, long sequence) {
        return signDoc(tx, chainId, accountNumber, sequence, AminoDecForm.DECIMAL);
    }

    public static String signDoc(DecodedTx tx, String chainId, long accountNumber, long sequence,
            AminoDecForm decForm) {
        List<Map<String, Object>> feeAmount = new ArrayList<>();
        tx.fee().amount().forEach(coin -> feeAmount.add(coin(coin)));
        List<Object> msgs = new ArrayList<>();
        for (TxMessage message : tx.messages()) {
            msgs.add(message(message, decForm));
        }
        Fee fee = tx.fee();
        return AminoSignDoc.json(AminoSignDoc.of(chainId, accountNumber, sequence,
                AminoSignDoc.fee(feeAmount, fee.gasLimit(), fee.payer(), fee.granter()), tx.memo(), msgs,
                tx.timeoutHeight()));
    }

    private static Map<String, Object> message(TxMessage message, AminoDecForm decForm) {
        if (message instanceof MsgUnjail unjail) {
            // x/slashing tx.proto: validator_addr is amino field "address", dont_omitempty
            return Map.of("type", MsgUnjail.AMINO_NAME, "value", Map.of("address", unjail.validatorAddress()));
        }
        if (!(message instanceof MsgCreateValidator msg)) {
            throw new ChainException(ChainError.NOT_SUPPORTED, "no amino JSON rendering for " + message.typeUrl());
        }
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("commission", commission(msg.commission(), decForm));
        AminoSignDoc.putIfNotEmpty(value, "delegator_address", msg.delegatorAddress());
        Description d = msg.description();
        value.put("description", AminoSignDoc.description(d.moniker(), d.identity(), d.website(),
                d.securityContact(), d.details()));
        value.put("min_self_delegation", orZero(msg.minSelfDelegation()));
        if (!msg.pubKeyType().isEmpty()) {
            value.put("pubkey", pubKey(msg.pubKeyType(), msg.pubKey()));
        }
        AminoSignDoc.putIfNotEmpty(value, "validator_address", msg.validatorAddress());
        value.put("value", coin(msg.value()));
        return Map.of("type", MsgCreateValidator.AMINO_NAME, "value", value);
    }

    private static Map<String, Object> commission(CommissionRates rates, AminoDecForm decForm) {
        return Map.of("rate", dec("rate", rates.rate(), decForm), "max_rate", dec("max_rate", rates.maxRate(), decForm),
                "max_change_rate", dec("max_change_rate", rates.maxChangeRate(), decForm));
    }

    private static Map<String, Object> pubKey(String typeUrl, byte[] key) {
        String aminoType = switch (typeUrl) {
            case MsgCreateValidator.ED25519_TYPE_URL -> "tendermint/PubKeyEd25519";
            case "/cosmos.crypto.secp256k1.PubKey" -> "tendermint/PubKeySecp256k1";
            default -> throw new ChainException(ChainError.NOT_SUPPORTED, "no amino name for pubkey " + typeUrl);
        };
        return Map.of("type", aminoType, "value", Base64.getEncoder().encodeToString(key));
    }

    private static Map<String, Object> coin(Coin coin) {
        return AminoSignDoc.coin(coin.amount(), coin.denom());
    }

    private static String dec(String field, String wire, AminoDecForm decForm) {
        if (decForm == AminoDecForm.INTEGER) {
            // x/tx < v0.13.6: the proto string as is (still checked to be a LegacyDec)
            return wire.isEmpty() ? "0" : Dec.toWire(Dec.fromWire(field, wire));
        }
        return wire.isEmpty() ? "0" : Dec.toHuman(Dec.fromWire(field, wire));
    }

    private static String orZero(String value) {
        return value.isEmpty() ? "0" : value;
    }

}
