// Sign an unsigned tx from the gateway in the wallet and broadcast it. Direct mode: Keplr may re-encode body and
// auth-info bytes, so the TxRaw is built from the `signed` doc Keplr returns. Amino mode (Ledger): the TxRaw carries
// the server's body and auth-info bytes, which only match the signature if the wallet signed the doc unchanged; the
// page asks Keplr to keep fee and memo (preferNoSetFee / preferNoSetMemo) and refuses to broadcast if it did not.
import type { Api, BroadcastResult, UnsignedTx } from "./api";
import { encodeTxRaw, fromBase64, toBase64 } from "./encoding";
import { keplr, SIGN_OPTIONS, walletError } from "./wallet";

/** JSON with object keys sorted at every level, to compare two documents by value. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

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
      // compared as values (key order is not part of a JSON object: a wallet may rebuild the object in another order)
      const changed = (["fee", "memo", "msgs", "chain_id", "account_number", "sequence"] as const).filter(
        (k) => canonicalJson(signed[k]) !== canonicalJson(unsigned.aminoSignDoc![k]),
      );
      if (changed.length > 0) {
        throw new Error(`the wallet changed ${changed.join(", ")} of the amino sign doc; nothing was broadcast`);
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
