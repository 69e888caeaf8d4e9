// Wallet stand-in for the end-to-end tests: signs the answer of POST .../create-validator-tx the way Keplr does,
// with CosmJS wallets only. Reads {"privateKeyHex", "mode": "direct"|"amino", "signDoc": {"bodyBytes","authInfoBytes",
// "chainId","accountNumber"}, "aminoSignDoc": <StdSignDoc object as the gateway returned it>} from stdin and prints
// {"txBytes": "<base64 TxRaw>"}. Amino mode lets CosmJS serialise the StdSignDoc object (sorted keys, escaped & < >),
// exactly as a wallet would, so the chain's own rendering must match it byte for byte. Throwaway test keys only.
import { Secp256k1Wallet } from "@cosmjs/amino";
import { fromBase64, fromHex, toBase64 } from "@cosmjs/encoding";
import { DirectSecp256k1Wallet } from "@cosmjs/proto-signing";
import { txRaw } from "./lib.mjs";

const PREFIX = "omni";

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

async function signDirect(privateKey, doc) {
  const wallet = await DirectSecp256k1Wallet.fromKey(privateKey, PREFIX);
  const [account] = await wallet.getAccounts();
  const signDoc = {
    bodyBytes: fromBase64(doc.bodyBytes),
    authInfoBytes: fromBase64(doc.authInfoBytes),
    chainId: doc.chainId,
    accountNumber: BigInt(doc.accountNumber),
  };
  const { signed, signature } = await wallet.signDirect(account.address, signDoc);
  return txRaw(signed.bodyBytes, signed.authInfoBytes, fromBase64(signature.signature));
}

async function signAmino(privateKey, doc, aminoSignDoc) {
  const wallet = await Secp256k1Wallet.fromKey(privateKey, PREFIX);
  const [account] = await wallet.getAccounts();
  const { signature } = await wallet.signAmino(account.address, aminoSignDoc);
  return txRaw(fromBase64(doc.bodyBytes), fromBase64(doc.authInfoBytes), fromBase64(signature.signature));
}

const input = await readStdin();
const privateKey = fromHex(input.privateKeyHex);
const bytes = input.mode === "amino"
  ? await signAmino(privateKey, input.signDoc, input.aminoSignDoc)
  : await signDirect(privateKey, input.signDoc);
process.stdout.write(JSON.stringify({ txBytes: toBase64(bytes) }) + "\n");
