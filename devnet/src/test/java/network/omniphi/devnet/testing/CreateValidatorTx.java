package network.omniphi.devnet.testing;

import java.nio.charset.StandardCharsets;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;

import network.omniphi.devnet.api.codec.ProtoTxCodec;
import network.omniphi.devnet.domain.crypto.Hashes;
import network.omniphi.devnet.domain.tx.AminoJson;

import cosmos.base.v1beta1.Coin;
import cosmos.staking.v1beta1.CommissionRates;
import cosmos.staking.v1beta1.Description;
import cosmos.staking.v1beta1.MsgCreateValidator;
import cosmos.tx.signing.v1beta1.SignMode;
import cosmos.tx.v1beta1.AuthInfo;
import cosmos.tx.v1beta1.Fee;
import cosmos.tx.v1beta1.ModeInfo;
import cosmos.tx.v1beta1.SignerInfo;
import cosmos.tx.v1beta1.TxBody;
import cosmos.tx.v1beta1.TxRaw;

/** Builds signed MsgCreateValidator TxRaw bytes the way a wallet does (direct or amino JSON). */
public final class CreateValidatorTx {

    private final TestSigner signer;
    private String chainId = "omniphi-devnet-1";
    private long accountNumber;
    private long sequence;
    private SignMode mode = SignMode.SIGN_MODE_DIRECT;
    private String moniker = "validator";
    private String website = "";
    private String rate = "100000000000000000";
    private String maxRate = "200000000000000000";
    private String maxChangeRate = "10000000000000000";
    private String minSelfDelegation = "1";
    private String denom = "omniphi";
    private String amount = "5000000";
    private byte[] consensusKey;
    private String feeAmount = "5000";
    private long gas = 200_000;
    private boolean highS;
    private boolean tampered;
    private TestSigner signWith;
    private boolean noFeeCoins;
    private final java.util.Map<Part, Integer> unknownFields = new java.util.EnumMap<>(Part.class);

    /** Where {@link #unknownField} puts a field the schema does not know. */
    public enum Part {
        RAW, BODY, AUTH_INFO, MESSAGE
    }

    private CreateValidatorTx(TestSigner signer) {
        this.signer = signer;
        this.consensusKey = Hashes.sha256(("consensus/" + signer.account()).getBytes(StandardCharsets.UTF_8));
        this.signWith = signer;
    }

    private network.omniphi.devnet.domain.tx.AminoDecForm aminoDecForm = network.omniphi.devnet.domain.tx.AminoDecForm.DECIMAL;

    public static CreateValidatorTx by(TestSigner signer) {
        return new CreateValidatorTx(signer);
    }

    public CreateValidatorTx chainId(String value) {
        chainId = value;
        return this;
    }
    public CreateValidatorTx accountNumber(long value) {
        accountNumber = value;
        return this;
    }
    public CreateValidatorTx sequence(long value) {
        sequence = value;
        return this;
    }
    /** Amino signature over the doc rendered with this LegacyDec form (the chain verifies only its own form). */
    public CreateValidatorTx aminoDecForm(network.omniphi.devnet.domain.tx.AminoDecForm value) {
        this.aminoDecForm = value;
        return amino();
    }

    public CreateValidatorTx amino() {
        mode = SignMode.SIGN_MODE_LEGACY_AMINO_JSON;
        return this;
    }
    public CreateValidatorTx moniker(String value) {
        moniker = value;
        return this;
    }
    public CreateValidatorTx website(String value) {
        website = value;
        return this;
    }
    public CreateValidatorTx rates(String r, String max, String change) {
        rate = r;
        maxRate = max;
        maxChangeRate = change;
        return this;
    }
    public CreateValidatorTx minSelfDelegation(String value) {
        minSelfDelegation = value;
        return this;
    }
    public CreateValidatorTx value(String valueDenom, String valueAmount) {
        denom = valueDenom;
        amount = valueAmount;
        return this;
    }
    public CreateValidatorTx consensusKey(byte[] value) {
        consensusKey = value;
        return this;
    }
    public CreateValidatorTx fee(String value, long gasLimit) {
        feeAmount = value;
        gas = gasLimit;
        return this;
    }
    /** No fee coin at all (CosmJS simulates with {@code Fee.fromPartial({})}): the fee transfer is not executed. */
    public CreateValidatorTx noFeeCoins() {
        noFeeCoins = true;
        return this;
    }

    /** Adds a varint field with this number, unknown to the schema, to the given part (signed over as sent). */
    public CreateValidatorTx unknownField(Part part, int number) {
        unknownFields.put(part, number);
        return this;
    }

    private <B extends com.google.protobuf.Message.Builder> B withUnknown(Part part, B builder) {
        Integer number = unknownFields.get(part);
        if (number != null) {
            builder.setUnknownFields(com.google.protobuf.UnknownFieldSet.newBuilder()
                    .addField(number, com.google.protobuf.UnknownFieldSet.Field.newBuilder().addVarint(1).build())
                    .build());
        }
        return builder;
    }

    public CreateValidatorTx highS() {
        highS = true;
        return this;
    }
    public CreateValidatorTx tamperSignature() {
        tampered = true;
        return this;
    }
    public CreateValidatorTx signWith(TestSigner other) {
        signWith = other;
        return this;
    }

    public byte[] consensusKey() {
        return consensusKey.clone();
    }

    public byte[] build() {
        ByteString body = body().toByteString();
        ByteString authInfo = authInfo().toByteString();
        byte[] signBytes = signBytes(body.toByteArray(), authInfo.toByteArray());
        byte[] signature = highS ? signWith.signHighS(signBytes) : signWith.sign(signBytes);
        if (tampered) {
            signature[10] ^= 0x01;
        }
        return withUnknown(Part.RAW, TxRaw.newBuilder().setBodyBytes(body).setAuthInfoBytes(authInfo)
                .addSignatures(ByteString.copyFrom(signature))).build().toByteArray();
    }

    /** The unsigned tx as Simulate receives it from CosmJS: one empty signature. */
    public byte[] buildForSimulation() {
        return TxRaw.newBuilder().setBodyBytes(body().toByteString()).setAuthInfoBytes(authInfo().toByteString())
                .addSignatures(ByteString.EMPTY).build().toByteArray();
    }

    private byte[] signBytes(byte[] body, byte[] authInfo) {
        ProtoTxCodec codec = new ProtoTxCodec();
        if (mode == SignMode.SIGN_MODE_DIRECT) {
            return codec.directSignBytes(body, authInfo, chainId, accountNumber);
        }
        byte[] unsigned = TxRaw.newBuilder().setBodyBytes(ByteString.copyFrom(body))
                .setAuthInfoBytes(ByteString.copyFrom(authInfo)).build().toByteArray();
        return AminoJson.signBytes(codec.decode(unsigned), chainId, accountNumber, sequence, aminoDecForm);
    }

    private TxBody body() {
        MsgCreateValidator msg = withUnknown(Part.MESSAGE, MsgCreateValidator.newBuilder()
                .setDescription(Description.newBuilder().setMoniker(moniker).setWebsite(website))
                .setCommission(CommissionRates.newBuilder().setRate(rate).setMaxRate(maxRate)
                        .setMaxChangeRate(maxChangeRate))
                .setMinSelfDelegation(minSelfDelegation).setValidatorAddress(signer.operator())
                .setPubkey(Any.pack(cosmos.crypto.ed25519.PubKey.newBuilder()
                        .setKey(ByteString.copyFrom(consensusKey)).build(), ""))
                .setValue(Coin.newBuilder().setDenom(denom).setAmount(amount))).build();
        return withUnknown(Part.BODY, TxBody.newBuilder().addMessages(Any.pack(msg, ""))).build();
    }

    private AuthInfo authInfo() {
        Fee.Builder fee = Fee.newBuilder().setGasLimit(gas);
        if (!noFeeCoins) {
            fee.addAmount(Coin.newBuilder().setDenom("omniphi").setAmount(feeAmount));
        }
        return withUnknown(Part.AUTH_INFO, AuthInfo.newBuilder()
                .addSignerInfos(SignerInfo.newBuilder()
                        .setPublicKey(Any.pack(cosmos.crypto.secp256k1.PubKey.newBuilder()
                                .setKey(ByteString.copyFrom(signWith.publicKey())).build(), ""))
                        .setModeInfo(ModeInfo.newBuilder().setSingle(ModeInfo.Single.newBuilder().setMode(mode)))
                        .setSequence(sequence))
                .setFee(fee)).build();
    }
}
