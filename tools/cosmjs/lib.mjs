// Shared helpers of the CosmJS reference scripts. Everything here is CosmJS / cosmjs-types; nothing is copied from
// the Java side, so the vectors are an independent oracle for chain-service's builder.
import { Secp256k1, sha256 } from "@cosmjs/crypto";
import { fromBase64, fromHex, toBase64, toHex, toUtf8 } from "@cosmjs/encoding";
import { makeSignBytes } from "@cosmjs/proto-signing";
import { TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";

/** Signs SHA-256(bytes) with secp256k1 (CosmJS produces low-S) and returns the 64-byte r||s signature. */
export async function signBytes(bytes, privateKey) {
  const signature = await Secp256k1.createSignature(sha256(bytes), privateKey);
  return new Uint8Array([...signature.r(32), ...signature.s(32)]);
}

/** The bytes a SIGN_MODE_DIRECT signature covers. */
export function directSignBytes(bodyBytes, authInfoBytes, chainId, accountNumber) {
  return makeSignBytes({ bodyBytes, authInfoBytes, chainId, accountNumber: BigInt(accountNumber) });
}

/** The bytes a SIGN_MODE_LEGACY_AMINO_JSON signature covers: the canonical JSON exactly as given. */
export function aminoSignBytes(aminoSignDocJson) {
  return toUtf8(aminoSignDocJson);
}

export function txRaw(bodyBytes, authInfoBytes, signature) {
  return TxRaw.encode(TxRaw.fromPartial({ bodyBytes, authInfoBytes, signatures: [signature] })).finish();
}

/** Tx hash as CometBFT and the SDK print it: upper-case hex SHA-256 of the TxRaw bytes. */
export function txHash(txRawBytes) {
  return toHex(sha256(txRawBytes)).toUpperCase();
}

export { fromBase64, fromHex, toBase64, toHex };
