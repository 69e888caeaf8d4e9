package network.omniphi.chain.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.junit.jupiter.api.Test;

import network.omniphi.chain.domain.model.AminoDecForm;
import network.omniphi.chain.domain.model.Coin;
import network.omniphi.chain.domain.model.CommissionRates;
import network.omniphi.chain.domain.model.CreateValidatorMsg;
import network.omniphi.chain.domain.model.DecodedTx;
import network.omniphi.chain.domain.model.Description;
import network.omniphi.chain.domain.model.PreparedTx;
import network.omniphi.chain.domain.model.SignMode;
import network.omniphi.chain.domain.model.TxMsg;
import network.omniphi.chain.domain.model.UnjailMsg;

/**
 * A signed tx goes out only with exactly the message built for the setup, one signer (the setup's wallet) and a
 * signature that verifies over SIGN_MODE_DIRECT sign bytes (cosmos-sdk v0.50 x/auth/tx/direct.go: SignDoc{body,
 * auth_info, chain_id, account_number}); secp256k1 signatures must be low-S (crypto/keys/secp256k1/secp256k1.go
 * {@code VerifySignature}).
 */
class SignedTxCheckTest {

    static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    static final BigInteger PRIVATE = new BigInteger("1f2e3d4c5b6a79880123456789abcdef0123456789abcdef0123456789abcdef",
            16);
    static final byte[] PUBKEY = CURVE.getG().multiply(PRIVATE).normalize().getEncoded(true);
    static final String CHAIN = "omniphi-devnet-1";
    static final long ACCOUNT = 7;
    static final byte[] BODY = "body".getBytes(StandardCharsets.UTF_8);
    static final byte[] AUTH = "auth".getBytes(StandardCharsets.UTF_8);
    static final CreateValidatorMsg MSG = new CreateValidatorMsg(new Description("v", "", "", "", ""),
            new CommissionRates(new BigDecimal("0.1"), new BigDecimal("0.2"), new BigDecimal("0.01")), BigInteger.ONE,
            "omnivaloper1op", "CONS", new Coin("omniphi", BigInteger.TEN));
    static final PreparedTx PREPARED = new PreparedTx("s", "omni1wallet", PUBKEY, CHAIN, ACCOUNT, MSG);

    static byte[] sign(String chainId, long accountNumber, boolean highS) {
        byte[] hash = Addresses.sha256(SignBytes.direct(BODY, AUTH, chainId, accountNumber));
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(PRIVATE,
                new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH())));
        BigInteger[] rs = signer.generateSignature(hash);
        BigInteger s = rs[1];
        boolean low = s.compareTo(CURVE.getN().shiftRight(1)) <= 0;
        if (low == highS) {
            s = CURVE.getN().subtract(s);
        }
        byte[] out = new byte[64];
        copy(rs[0], out, 0);
        copy(s, out, 32);
        return out;
    }

    static void copy(BigInteger v, byte[] out, int at) {
        byte[] b = v.toByteArray();
        int len = Math.min(b.length, 32);
        System.arraycopy(b, b.length - len, out, at + 32 - len, len);
    }

    static DecodedTx tx(TxMsg msg, List<String> types, byte[] signerKey, List<byte[]> sigs, int signers,
            boolean extensions, SignMode mode) {
        return new DecodedTx(BODY, AUTH, sigs, types, msg, "", 0, extensions, signers, signerKey, mode, 0,
                List.of(new Coin("omniphi", BigInteger.ONE)), 200_000);
    }

    static DecodedTx good() {
        return tx(MSG, List.of(CreateValidatorMsg.TYPE_URL), PUBKEY, List.of(sign(CHAIN, ACCOUNT, false)), 1, false,
                SignMode.DIRECT);
    }

    static ChainException.Refused refused(DecodedTx tx) {
        return refused(PREPARED, "omni1wallet", "CONS", tx);
    }

    static ChainException.Refused refused(PreparedTx prepared, String wallet, String key, DecodedTx tx) {
        return catchThrowableOfType(ChainException.Refused.class,
                () -> SignedTxCheck.check(prepared, wallet, key, tx, AminoDecForm.DECIMAL));
    }

    @Test
    void theBuiltMessageSignedByTheWalletForTheBuiltChainPasses() {
        SignedTxCheck.check(PREPARED, "omni1wallet", "CONS", good(), AminoDecForm.DECIMAL);
        SignedTxCheck.check(PREPARED, "omni1wallet", null, good(), AminoDecForm.DECIMAL);
    }

    @Test
    void anotherWalletOrConsensusKeyIsAMismatch() {
        assertThat(refused(PREPARED, "omni1other", "CONS", good()).error()).isEqualTo(ChainError.TX_MISMATCH);
        assertThat(refused(PREPARED, "omni1wallet", "OTHER", good()).getMessage()).contains("consensus key");
    }

    @Test
    void extraOrDifferentMessagesAreAMismatch() {
        var twoMsgs = tx(MSG, List.of(CreateValidatorMsg.TYPE_URL, "/cosmos.bank.v1beta1.MsgSend"), PUBKEY,
                List.of(sign(CHAIN, ACCOUNT, false)), 1, false, SignMode.DIRECT);
        var unjail = tx(new UnjailMsg("omnivaloper1op"), List.of(UnjailMsg.TYPE_URL), PUBKEY,
                List.of(sign(CHAIN, ACCOUNT, false)), 1, false, SignMode.DIRECT);
        var otherCommission = tx(new CreateValidatorMsg(MSG.description(),
                new CommissionRates(new BigDecimal("0.15"), new BigDecimal("0.2"), new BigDecimal("0.01")),
                BigInteger.ONE, "omnivaloper1op", "CONS", MSG.value()), List.of(CreateValidatorMsg.TYPE_URL), PUBKEY,
                List.of(sign(CHAIN, ACCOUNT, false)), 1, false, SignMode.DIRECT);

        assertThat(refused(twoMsgs).error()).isEqualTo(ChainError.TX_MISMATCH);
        assertThat(refused(unjail).error()).isEqualTo(ChainError.TX_MISMATCH);
        assertThat(refused(otherCommission).getMessage()).contains("differs from the one built");
    }

    @Test
    void exactlyOneSignerOneSignatureNoExtensionsAndTheWalletsKey() {
        byte[] sig = sign(CHAIN, ACCOUNT, false);
        assertThat(refused(tx(MSG, List.of(CreateValidatorMsg.TYPE_URL), PUBKEY, List.of(sig, sig), 1, false,
                SignMode.DIRECT)).error()).isEqualTo(ChainError.TX_MISMATCH);
        assertThat(refused(tx(MSG, List.of(CreateValidatorMsg.TYPE_URL), PUBKEY, List.of(sig), 2, false,
                SignMode.DIRECT)).error()).isEqualTo(ChainError.TX_MISMATCH);
        assertThat(refused(tx(MSG, List.of(CreateValidatorMsg.TYPE_URL), PUBKEY, List.of(sig), 1, true,
                SignMode.DIRECT)).getMessage()).contains("extension");
        byte[] otherKey = CURVE.getG().multiply(BigInteger.valueOf(12345)).normalize().getEncoded(true);
        assertThat(refused(tx(MSG, List.of(CreateValidatorMsg.TYPE_URL), otherKey, List.of(sig), 1, false,
                SignMode.DIRECT)).getMessage()).contains("another key");
        assertThat(refused(tx(MSG, List.of(CreateValidatorMsg.TYPE_URL), PUBKEY, List.of(sig), 1, false, null))
                .getMessage()).contains("SIGN_MODE_DIRECT");
    }

    @Test
    void aSignatureForAnotherChainOrAccountOrWithHighSDoesNotVerify() {
        for (byte[] sig : List.of(sign("other-chain", ACCOUNT, false), sign(CHAIN, ACCOUNT + 1, false),
                sign(CHAIN, ACCOUNT, true))) {
            var e = refused(tx(MSG, List.of(CreateValidatorMsg.TYPE_URL), PUBKEY, List.of(sig), 1, false,
                    SignMode.DIRECT));
            assertThat(e.error()).isEqualTo(ChainError.SIGNATURE_INVALID);
        }
    }
}
