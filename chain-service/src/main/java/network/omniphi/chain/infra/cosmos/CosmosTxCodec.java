package network.omniphi.chain.infra.cosmos;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

import network.omniphi.chain.domain.ChainError;
import network.omniphi.chain.domain.ChainException;
import network.omniphi.chain.domain.model.DecodedTx;
import network.omniphi.chain.domain.model.SignMode;
import network.omniphi.chain.domain.model.TxDraft;
import network.omniphi.chain.domain.port.TxCodec;

import cosmos.staking.v1beta1.MsgCreateValidator;
import cosmos.tx.v1beta1.AuthInfo;
import cosmos.tx.v1beta1.Fee;
import cosmos.tx.v1beta1.ModeInfo;
import cosmos.tx.v1beta1.SignerInfo;
import cosmos.tx.v1beta1.TxBody;
import cosmos.tx.v1beta1.TxRaw;

/** Cosmos SDK v0.50 protobuf encoding of the single-signer MsgCreateValidator / MsgUnjail tx. */
@ApplicationScoped
public class CosmosTxCodec implements TxCodec {

    static final String SECP256K1_URL = "/cosmos.crypto.secp256k1.PubKey";

    @Override
    public byte[] bodyBytes(TxDraft draft) {
        return TxBody.newBuilder()
                .addMessages(CosmosMessages.toAny(draft.msg()))
                .setMemo(draft.memo())
                .setTimeoutHeight(draft.timeoutHeight())
                .build().toByteArray();
    }

    @Override
    public byte[] authInfoBytes(TxDraft draft) {
        return authInfo(draft).toByteArray();
    }

    private static AuthInfo authInfo(TxDraft draft) {
        var pubKey = cosmos.crypto.secp256k1.PubKey.newBuilder().setKey(ByteString.copyFrom(draft.signerPubkey()));
        Fee.Builder fee = Fee.newBuilder().setGasLimit(draft.gasLimit());
        if (draft.fee().amount().signum() > 0) {
            fee.addAmount(CosmosMessages.coin(draft.fee()));
        }
        return AuthInfo.newBuilder()
                .addSignerInfos(SignerInfo.newBuilder()
                        .setPublicKey(
                                Any.newBuilder().setTypeUrl(SECP256K1_URL).setValue(pubKey.build().toByteString()))
                        .setModeInfo(ModeInfo.newBuilder()
                                .setSingle(ModeInfo.Single.newBuilder().setMode(mode(draft.mode()))))
                        .setSequence(draft.sequence()))
                .setFee(fee)
                .build();
    }

    private static cosmos.tx.signing.v1beta1.SignMode mode(SignMode mode) {
        return mode == SignMode.AMINO
                ? cosmos.tx.signing.v1beta1.SignMode.SIGN_MODE_LEGACY_AMINO_JSON
                : cosmos.tx.signing.v1beta1.SignMode.SIGN_MODE_DIRECT;
    }

    @Override
    public byte[] simulationTx(TxDraft draft) {
        return TxRaw.newBuilder().setBodyBytes(ByteString.copyFrom(bodyBytes(draft)))
                .setAuthInfoBytes(ByteString.copyFrom(authInfoBytes(draft))).addSignatures(ByteString.EMPTY)
                .build().toByteArray();
    }

    @Override
    public DecodedTx decode(byte[] txRaw) {
        try {
            TxRaw raw = TxRaw.parseFrom(txRaw);
            TxBody body = TxBody.parseFrom(raw.getBodyBytes());
            AuthInfo auth = AuthInfo.parseFrom(raw.getAuthInfoBytes());
            return decoded(raw, body, auth);
        } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
            throw new ChainException.Invalid(ChainError.MALFORMED_TX, "txBytes is not a valid TxRaw: "
                    + e.getMessage(),
                    List.of(new network.omniphi.commons.error.FieldError("txBytes",
                            "is not a valid TxRaw")));
        }
    }

    private static DecodedTx decoded(TxRaw raw, TxBody body, AuthInfo auth) throws InvalidProtocolBufferException {
        List<String> types = body.getMessagesList().stream().map(Any::getTypeUrl).toList();
        network.omniphi.chain.domain.model.TxMsg msg = types.size() == 1
                ? CosmosMessages.fromAny(body.getMessages(0))
                : null;
        SignerInfo signer = auth.getSignerInfosCount() > 0 ? auth.getSignerInfos(0) : SignerInfo.getDefaultInstance();
        byte[] signerKey = SECP256K1_URL.equals(signer.getPublicKey().getTypeUrl())
                ? cosmos.crypto.secp256k1.PubKey.parseFrom(signer.getPublicKey().getValue()).getKey().toByteArray()
                : new byte[0];
        return new DecodedTx(raw.getBodyBytes().toByteArray(), raw.getAuthInfoBytes().toByteArray(),
                raw.getSignaturesList().stream().map(ByteString::toByteArray).toList(), types,
                msg, body.getMemo(), body.getTimeoutHeight(),
                body.getExtensionOptionsCount() + body.getNonCriticalExtensionOptionsCount() > 0,
                auth.getSignerInfosCount(), signerKey, signMode(signer), signer.getSequence(),
                auth.getFee().getAmountList().stream().map(CosmosMessages::coin).toList(),
                auth.getFee().getGasLimit());
    }

    private static SignMode signMode(SignerInfo signer) {
        if (!signer.getModeInfo().hasSingle()) {
            return null;
        }
        return switch (signer.getModeInfo().getSingle().getMode()) {
            case SIGN_MODE_DIRECT -> SignMode.DIRECT;
            case SIGN_MODE_LEGACY_AMINO_JSON -> SignMode.AMINO;
            default -> null;
        };
    }
}
