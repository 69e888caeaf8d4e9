package network.omniphi.devnet.api.codec;

import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

import network.omniphi.devnet.domain.ChainError;
import network.omniphi.devnet.domain.ChainException;
import network.omniphi.devnet.domain.tx.Coin;
import network.omniphi.devnet.domain.tx.CommissionRates;
import network.omniphi.devnet.domain.tx.DecodedTx;
import network.omniphi.devnet.domain.tx.Description;
import network.omniphi.devnet.domain.tx.Fee;
import network.omniphi.devnet.domain.tx.MsgCreateValidator;
import network.omniphi.devnet.domain.tx.SignerInfo;
import network.omniphi.devnet.domain.tx.TxCodec;
import network.omniphi.devnet.domain.tx.TxMessage;
import network.omniphi.devnet.domain.tx.UnsupportedMessage;

import cosmos.tx.signing.v1beta1.SignMode;
import cosmos.tx.v1beta1.AuthInfo;
import cosmos.tx.v1beta1.ModeInfo;
import cosmos.tx.v1beta1.SignDoc;
import cosmos.tx.v1beta1.TxBody;
import cosmos.tx.v1beta1.TxRaw;

/** Cosmos protobuf wire format ↔ the domain's decoded tx; the only place that parses tx bytes. */
public final class ProtoTxCodec implements TxCodec {

    private static final String SECP256K1 = "/cosmos.crypto.secp256k1.PubKey";

    @Override
    public DecodedTx decode(byte[] txBytes) {
        try {
            TxRaw raw = TxRaw.parseFrom(txBytes);
            UnknownFields.rejectStrict(raw);
            TxBody body = TxBody.parseFrom(raw.getBodyBytes());
            UnknownFields.rejectCritical(body);
            AuthInfo auth = AuthInfo.parseFrom(raw.getAuthInfoBytes());
            UnknownFields.rejectStrict(auth);
            List<TxMessage> messages = new ArrayList<>();
            for (Any any : body.getMessagesList()) {
                messages.add(message(any));
            }
            List<SignerInfo> signers = new ArrayList<>();
            for (cosmos.tx.v1beta1.SignerInfo info : auth.getSignerInfosList()) {
                signers.add(signer(info));
            }
            boolean extensions = body.getExtensionOptionsCount() > 0 || body.getNonCriticalExtensionOptionsCount() > 0;
            return new DecodedTx(txBytes, raw.getBodyBytes().toByteArray(), raw.getAuthInfoBytes().toByteArray(),
                    raw.getSignaturesList().stream().map(ByteString::toByteArray).toList(), messages, body.getMemo(),
                    body.getTimeoutHeight(), extensions, signers, fee(auth.getFee()));
        } catch (InvalidProtocolBufferException e) {
            throw new ChainException(ChainError.TX_DECODE, "invalid tx bytes: " + e.getMessage());
        }
    }

    @Override
    public byte[] directSignBytes(byte[] bodyBytes, byte[] authInfoBytes, String chainId, long accountNumber) {
        return SignDoc.newBuilder().setBodyBytes(ByteString.copyFrom(bodyBytes))
                .setAuthInfoBytes(ByteString.copyFrom(authInfoBytes)).setChainId(chainId)
                .setAccountNumber(accountNumber).build().toByteArray();
    }

    private static TxMessage message(Any any) throws InvalidProtocolBufferException {
        if (network.omniphi.devnet.domain.tx.MsgUnjail.TYPE_URL.equals(any.getTypeUrl())) {
            cosmos.slashing.v1beta1.MsgUnjail unjail = cosmos.slashing.v1beta1.MsgUnjail.parseFrom(any.getValue());
            UnknownFields.rejectCritical(unjail);
            return new network.omniphi.devnet.domain.tx.MsgUnjail(unjail.getValidatorAddr());
        }
        if (!MsgCreateValidator.TYPE_URL.equals(any.getTypeUrl())) {
            return new UnsupportedMessage(any.getTypeUrl());
        }
        cosmos.staking.v1beta1.MsgCreateValidator msg = cosmos.staking.v1beta1.MsgCreateValidator
                .parseFrom(any.getValue());
        UnknownFields.rejectCritical(msg);
        cosmos.staking.v1beta1.Description d = msg.getDescription();
        cosmos.staking.v1beta1.CommissionRates c = msg.getCommission();
        String pubKeyType = msg.hasPubkey() ? msg.getPubkey().getTypeUrl() : "";
        byte[] pubKey = null;
        if (MsgCreateValidator.ED25519_TYPE_URL.equals(pubKeyType)) {
            cosmos.crypto.ed25519.PubKey ed25519 = cosmos.crypto.ed25519.PubKey.parseFrom(msg.getPubkey().getValue());
            UnknownFields.rejectCritical(ed25519);
            pubKey = ed25519.getKey().toByteArray();
        } else if (msg.hasPubkey()) {
            pubKey = msg.getPubkey().getValue().toByteArray();
        }
        return new MsgCreateValidator(
                new Description(d.getMoniker(), d.getIdentity(), d.getWebsite(), d.getSecurityContact(),
                        d.getDetails()),
                new CommissionRates(c.getRate(), c.getMaxRate(), c.getMaxChangeRate()), msg.getMinSelfDelegation(),
                msg.getDelegatorAddress(), msg.getValidatorAddress(), pubKeyType, pubKey,
                new Coin(msg.getValue().getDenom(), msg.getValue().getAmount()));
    }

    private static SignerInfo signer(cosmos.tx.v1beta1.SignerInfo info) throws InvalidProtocolBufferException {
        String type = info.hasPublicKey() ? info.getPublicKey().getTypeUrl() : "";
        byte[] key = null;
        if (SECP256K1.equals(type)) {
            cosmos.crypto.secp256k1.PubKey secp = cosmos.crypto.secp256k1.PubKey.parseFrom(info.getPublicKey()
                    .getValue());
            UnknownFields.rejectStrict(secp);
            key = secp.getKey().toByteArray();
        } else if (info.hasPublicKey()) {
            key = info.getPublicKey().getValue().toByteArray();
        }
        ModeInfo mode = info.getModeInfo();
        boolean multi = mode.hasMulti();
        network.omniphi.devnet.domain.tx.SignMode signMode = network.omniphi.devnet.domain.tx.SignMode.UNSUPPORTED;
        if (mode.hasSingle() && mode.getSingle().getMode() == SignMode.SIGN_MODE_DIRECT) {
            signMode = network.omniphi.devnet.domain.tx.SignMode.DIRECT;
        } else if (mode.hasSingle() && mode.getSingle().getMode() == SignMode.SIGN_MODE_LEGACY_AMINO_JSON) {
            signMode = network.omniphi.devnet.domain.tx.SignMode.LEGACY_AMINO_JSON;
        }
        return new SignerInfo(type, key, signMode, info.getSequence(), multi);
    }

    private static Fee fee(cosmos.tx.v1beta1.Fee fee) {
        return new Fee(fee.getAmountList().stream().map(c -> new Coin(c.getDenom(), c.getAmount())).toList(),
                fee.getGasLimit(), fee.getPayer(), fee.getGranter());
    }
}
