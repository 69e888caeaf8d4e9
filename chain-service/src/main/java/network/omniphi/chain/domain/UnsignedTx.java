package network.omniphi.chain.domain;

import java.util.List;

import network.omniphi.chain.domain.model.PreparedTx;
import network.omniphi.chain.domain.model.SignDocData;
import network.omniphi.chain.domain.model.SignMode;
import network.omniphi.chain.domain.model.TxDraft;
import network.omniphi.chain.domain.port.TxCodec;

/**
 * What a wallet signs for a finished draft: the direct {@code SignDoc} parts and, in amino mode, the legacy amino JSON
 * sign doc; with the {@link PreparedTx} that the broadcast check compares the signed tx against. One construction for
 * every message the service builds (MsgCreateValidator, MsgUnjail), so both sign modes stay identical across them.
 */
record UnsignedTx(SignDocData signDoc, String aminoSignDoc, PreparedTx prepared) {

    static UnsignedTx of(TxDraft draft, String chainId, long accountNumber, String setupRequestId,
            String walletAddress, TxCodec codec, ChainSettings settings) {
        SignDocData signDoc = new SignDocData(codec.bodyBytes(draft), codec.authInfoBytes(draft), chainId,
                accountNumber);
        String amino = draft.mode() == SignMode.AMINO
                ? AminoSignDocs.render(chainId, accountNumber, draft.sequence(), List.of(draft.fee()),
                        draft.gasLimit(), draft.memo(), draft.timeoutHeight(), draft.msg(), settings.aminoDecForm())
                : "";
        return new UnsignedTx(signDoc, amino, new PreparedTx(setupRequestId, walletAddress, draft.signerPubkey(),
                chainId, accountNumber, draft.msg()));
    }
}
