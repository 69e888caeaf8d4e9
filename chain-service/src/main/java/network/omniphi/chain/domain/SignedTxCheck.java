package network.omniphi.chain.domain;

import java.util.Arrays;
import java.util.List;

import network.omniphi.chain.domain.model.AminoDecForm;
import network.omniphi.chain.domain.model.CreateValidatorMsg;
import network.omniphi.chain.domain.model.DecodedTx;
import network.omniphi.chain.domain.model.PreparedTx;
import network.omniphi.chain.domain.model.SignMode;
import network.omniphi.codec.Secp256k1;

/**
 * A signed tx may go out only if it carries exactly the message (MsgCreateValidator or MsgUnjail) last built for the
 * setup, signed by the
 * setup's wallet for the built chain id and account number (fee, gas and sequence may differ: wallets may re-fee).
 */
final class SignedTxCheck {

    private SignedTxCheck() {
    }

    static void check(PreparedTx prepared, String walletAddress, String consensusPubkey, DecodedTx tx,
            AminoDecForm decForm) {
        if (!prepared.walletAddress().equals(walletAddress)) {
            mismatch("the setup was built for another wallet");
        }
        if (consensusPubkey != null && !consensusPubkey.isBlank()
                && prepared.msg() instanceof CreateValidatorMsg create
                && !consensusPubkey.equals(create.consensusPubkey())) {
            mismatch("the consensus key differs from the one the tx was built with");
        }
        String type = prepared.msg().typeUrl();
        if (!tx.messageTypes().equals(List.of(type)) || tx.msg() == null) {
            mismatch("the tx must carry exactly one " + type + " (the one built last for this setup) and nothing"
                    + " else");
        }
        if (!tx.msg().equals(prepared.msg())) {
            mismatch("the " + type + " differs from the one built for this setup");
        }
        if (tx.hasExtensions() || tx.signerCount() != 1 || tx.signatures().size() != 1) {
            mismatch("the tx must have exactly one signer and one signature and no extension options");
        }
        if (!Arrays.equals(tx.signerPubkey(), prepared.signerPubkey())) {
            mismatch("the tx is signed by another key than the setup's wallet");
        }
        if (tx.mode() == null) {
            mismatch("only SIGN_MODE_DIRECT and SIGN_MODE_LEGACY_AMINO_JSON are accepted");
        }
        verifySignature(prepared, tx, decForm);
    }

    private static void verifySignature(PreparedTx prepared, DecodedTx tx, AminoDecForm decForm) {
        byte[] signBytes = tx.mode() == SignMode.DIRECT
                ? SignBytes.direct(tx.bodyBytes(), tx.authInfoBytes(), prepared.chainId(), prepared.accountNumber())
                : AminoSignDocs.render(prepared.chainId(), prepared.accountNumber(), tx.sequence(), tx.fee(),
                        tx.gasLimit(), tx.memo(), tx.timeoutHeight(), tx.msg(), decForm)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (!Secp256k1.verify(prepared.signerPubkey(), signBytes, tx.signatures().get(0))) {
            throw new ChainException.Refused(ChainError.SIGNATURE_INVALID, "the signature does not verify for chain "
                    + prepared.chainId() + " and account number " + prepared.accountNumber()
                    + " (wrong chain id, wrong key or a corrupted signature)");
        }
    }

    private static void mismatch(String detail) {
        throw new ChainException.Refused(ChainError.TX_MISMATCH, detail);
    }
}
