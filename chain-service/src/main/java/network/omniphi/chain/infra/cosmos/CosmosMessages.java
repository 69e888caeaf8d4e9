package network.omniphi.chain.infra.cosmos;

import java.math.BigInteger;
import java.util.Base64;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

import network.omniphi.chain.domain.LegacyDec;
import network.omniphi.chain.domain.model.Coin;
import network.omniphi.chain.domain.model.CommissionRates;
import network.omniphi.chain.domain.model.CreateValidatorMsg;
import network.omniphi.chain.domain.model.Description;
import network.omniphi.chain.domain.model.TxMsg;
import network.omniphi.chain.domain.model.UnjailMsg;

import cosmos.staking.v1beta1.MsgCreateValidator;

/** Maps MsgCreateValidator and Coin between the domain and the Cosmos protobuf types. */
public final class CosmosMessages {

    public static final String MSG_CREATE_VALIDATOR_URL = "/cosmos.staking.v1beta1.MsgCreateValidator";
    public static final String ED25519_URL = "/cosmos.crypto.ed25519.PubKey";

    private CosmosMessages() {
    }

    public static MsgCreateValidator toProto(CreateValidatorMsg msg) {
        Description d = msg.description();
        var pubkey = cosmos.crypto.ed25519.PubKey.newBuilder()
                .setKey(ByteString.copyFrom(Base64.getDecoder().decode(msg.consensusPubkey()))).build();
        return MsgCreateValidator.newBuilder()
                .setDescription(cosmos.staking.v1beta1.Description.newBuilder().setMoniker(d.moniker())
                        .setIdentity(d.identity()).setWebsite(d.website()).setSecurityContact(d.securityContact())
                        .setDetails(d.details()))
                .setCommission(cosmos.staking.v1beta1.CommissionRates.newBuilder()
                        .setRate(LegacyDec.toProto(msg.commission().rate()))
                        .setMaxRate(LegacyDec.toProto(msg.commission().maxRate()))
                        .setMaxChangeRate(LegacyDec.toProto(msg.commission().maxChangeRate())))
                .setMinSelfDelegation(msg.minSelfDelegation().toString())
                .setValidatorAddress(msg.validatorAddress())
                .setPubkey(Any.newBuilder().setTypeUrl(ED25519_URL).setValue(pubkey.toByteString()))
                .setValue(coin(msg.value()))
                .build();
    }

    /** Domain form of a decoded message; a non-ed25519 key or a set delegator address never equals a built msg. */
    public static CreateValidatorMsg fromProto(MsgCreateValidator m) throws InvalidProtocolBufferException {
        var d = m.getDescription();
        var c = m.getCommission();
        String key = ED25519_URL.equals(m.getPubkey().getTypeUrl())
                ? Base64.getEncoder().encodeToString(
                        cosmos.crypto.ed25519.PubKey.parseFrom(m.getPubkey().getValue()).getKey().toByteArray())
                : "unsupported:" + m.getPubkey().getTypeUrl();
        String validator = m.getDelegatorAddress().isEmpty()
                ? m.getValidatorAddress()
                : m.getValidatorAddress() + "/delegator:" + m.getDelegatorAddress();
        return new CreateValidatorMsg(
                new Description(d.getMoniker(), d.getIdentity(), d.getWebsite(), d.getSecurityContact(),
                        d.getDetails()),
                new CommissionRates(LegacyDec.fromProto(c.getRate()), LegacyDec.fromProto(c.getMaxRate()),
                        LegacyDec.fromProto(c.getMaxChangeRate())),
                integer(m.getMinSelfDelegation()), validator, key, coin(m.getValue()));
    }

    /** The message packed as the tx body carries it. */
    public static Any toAny(TxMsg msg) {
        if (msg instanceof UnjailMsg unjail) {
            return Any.newBuilder().setTypeUrl(UnjailMsg.TYPE_URL).setValue(cosmos.slashing.v1beta1.MsgUnjail
                    .newBuilder().setValidatorAddr(unjail.validatorAddress()).build().toByteString()).build();
        }
        return Any.newBuilder().setTypeUrl(MSG_CREATE_VALIDATOR_URL)
                .setValue(toProto((CreateValidatorMsg) msg).toByteString()).build();
    }

    /** The domain message of a body message; null for types chain-service never builds. */
    public static TxMsg fromAny(Any any) throws InvalidProtocolBufferException {
        return switch (any.getTypeUrl()) {
            case MSG_CREATE_VALIDATOR_URL -> fromProto(MsgCreateValidator.parseFrom(any.getValue()));
            case UnjailMsg.TYPE_URL -> new UnjailMsg(
                    cosmos.slashing.v1beta1.MsgUnjail.parseFrom(any.getValue()).getValidatorAddr());
            default -> null;
        };
    }

    public static cosmos.base.v1beta1.Coin coin(Coin coin) {
        return cosmos.base.v1beta1.Coin.newBuilder().setDenom(coin.denom()).setAmount(coin.amount().toString())
                .build();
    }

    public static Coin coin(cosmos.base.v1beta1.Coin coin) {
        return new Coin(coin.getDenom(), integer(coin.getAmount()));
    }

    static BigInteger integer(String s) {
        return s == null || s.isEmpty() ? BigInteger.ZERO : new BigInteger(s);
    }
}
