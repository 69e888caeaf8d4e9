package network.omniphi.chain.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import network.omniphi.chain.domain.model.AminoDecForm;
import network.omniphi.chain.domain.model.Coin;
import network.omniphi.chain.domain.model.CreateValidatorMsg;
import network.omniphi.chain.domain.model.Description;
import network.omniphi.chain.domain.model.TxMsg;
import network.omniphi.codec.AminoSignDoc;

/**
 * The legacy amino JSON StdSignDoc of a MsgCreateValidator tx as SDK 0.50's x/tx aminojson renders it
 * ({@code x/tx/signing/aminojson/aminojson.go}, {@code AminoSignDoc}): empty fields omitted unless the proto marks them
 * dont_omitempty (memo, fee.amount, fee.gas, msgs, sequence, account_number, chain_id; commission,
 * min_self_delegation, value), the ed25519 key as {@code tendermint/PubKeyEd25519}, {@code timeout_height} only when
 * set. LegacyDec fields in the chain's form ({@link AminoDecForm}). A zero fee is {@code "amount":[]}: the SDK's
 * {@code Fee.amount} is {@code Coins} and a zero coin is not valid there (x/auth/tx only ever carries positive coins),
 * so the wallet's and the chain's documents agree on an empty list.
 */
public final class AminoSignDocs {

    public static final String MSG_TYPE = "cosmos-sdk/MsgCreateValidator";
    public static final String ED25519_TYPE = "tendermint/PubKeyEd25519";
    public static final String UNJAIL_TYPE = "cosmos-sdk/MsgUnjail";

    private AminoSignDocs() {
    }

    public static String render(String chainId, long accountNumber, long sequence, List<Coin> fee, long gas,
            String memo, long timeoutHeight, TxMsg msg, AminoDecForm decForm) {
        List<Map<String, Object>> feeAmount = fee.stream().filter(c -> c.amount().signum() > 0)
                .map(AminoSignDocs::coin).toList();
        Object message = msg instanceof CreateValidatorMsg create
                ? Map.of("type", MSG_TYPE, "value", msgValue(create, decForm))
                // x/slashing tx.proto: amino name cosmos-sdk/MsgUnjail, validator_addr as "address" (dont_omitempty)
                : Map.of("type", UNJAIL_TYPE, "value", Map.of("address", msg.operatorAddress()));
        return AminoSignDoc.json(AminoSignDoc.of(chainId, accountNumber, sequence,
                AminoSignDoc.fee(feeAmount, gas, null, null), memo, List.of(message), timeoutHeight));
    }

    private static Map<String, Object> msgValue(CreateValidatorMsg msg, AminoDecForm decForm) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("commission", Map.of(
                "rate", LegacyDec.toAmino(msg.commission().rate(), decForm),
                "max_rate", LegacyDec.toAmino(msg.commission().maxRate(), decForm),
                "max_change_rate", LegacyDec.toAmino(msg.commission().maxChangeRate(), decForm)));
        Description d = msg.description();
        value.put("description", AminoSignDoc.description(d.moniker(), d.identity(), d.website(),
                d.securityContact(), d.details()));
        value.put("min_self_delegation", msg.minSelfDelegation().toString());
        AminoSignDoc.putIfNotEmpty(value, "validator_address", msg.validatorAddress());
        value.put("pubkey", Map.of("type", ED25519_TYPE, "value", msg.consensusPubkey()));
        value.put("value", coin(msg.value()));
        return value;
    }

    private static Map<String, Object> coin(Coin coin) {
        return AminoSignDoc.coin(coin.amount().toString(), coin.denom());
    }
}
