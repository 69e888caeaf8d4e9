// Sign an unsigned tx from the gateway in the wallet and broadcast it. Direct mode: Keplr may re-encode body and
// auth-info bytes, so the TxRaw is built from the `signed` doc Keplr returns. Amino mode (Ledger): the TxRaw carries
// the server's body and auth-info bytes, which only match the signature if the wallet signed the doc unchanged; the
// page asks Keplr to keep fee and memo (preferNoSetFee / preferNoSetMemo) and refuses to broadcast if it did not.
import type { Api, BroadcastResult, UnsignedTx } from "./api";
import { encodeTxRaw, fromBase64, toBase64 } from "./encoding";
import { keplr, SIGN_OPTIONS, walletError } from "./wallet";

export async function signAndBroadcast(
  api: Api,
  setupId: string,
  signer: string,
  unsigned: UnsignedTx,
): Promise<BroadcastResult> {
  const chainId = unsigned.signDoc.chainId;
  let tx: Uint8Array;
  try {
    if (unsigned.signMode === "amino") {
      if (!unsigned.aminoSignDoc) throw new Error("the server sent no amino sign doc");
      const { signed, signature } = await keplr().signAmino(chainId, signer, unsigned.aminoSignDoc, SIGN_OPTIONS);
      if (JSON.stringify(signed.fee) !== JSON.stringify(unsigned.aminoSignDoc.fee) || signed.memo !== unsigned.aminoSignDoc.memo) {
        throw new Error("the wallet changed the fee or memo of the amino sign doc; nothing was broadcast");
      }
      tx = encodeTxRaw(
        fromBase64(unsigned.signDoc.bodyBytes),
        fromBase64(unsigned.signDoc.authInfoBytes),
        [fromBase64(signature.signature)],
      );
    } else {
      const { signed, signature } = await keplr().signDirect(
        chainId,
        signer,
        {
          bodyBytes: fromBase64(unsigned.signDoc.bodyBytes),
          authInfoBytes: fromBase64(unsigned.signDoc.authInfoBytes),
          chainId,
          accountNumber: BigInt(unsigned.signDoc.accountNumber),
        },
        SIGN_OPTIONS,
      );
      tx = encodeTxRaw(signed.bodyBytes, signed.authInfoBytes, [fromBase64(signature.signature)]);
    }
  } catch (e) {
    throw walletError(e);
  }
  return api.broadcast(setupId, toBase64(tx));
}
