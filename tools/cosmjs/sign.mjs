// Test signer: reads {"privateKeyHex", "mode": "direct"|"amino", "signDoc": {"bodyBytes","authInfoBytes","chainId",
// "accountNumber"} (bytes base64), "aminoSignDoc": "<canonical JSON>"} from stdin and prints the TxRaw as base64.
// Direct mode signs SignDoc(bodyBytes, authInfoBytes, chainId, accountNumber); amino mode signs the JSON string exactly
// as given (as a wallet does). For end-to-end tests only: the private key is a throwaway test key.
import { fromBase64, fromHex, toBase64 } from "@cosmjs/encoding";
import { aminoSignBytes, directSignBytes, signBytes, txRaw } from "./lib.mjs";

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

async function main() {
  const input = await readStdin();
  const privateKey = fromHex(input.privateKeyHex);
  const bodyBytes = fromBase64(input.signDoc.bodyBytes);
  const authInfoBytes = fromBase64(input.signDoc.authInfoBytes);
  let bytes;
  if (input.mode === "direct") {
    bytes = directSignBytes(bodyBytes, authInfoBytes, input.signDoc.chainId, input.signDoc.accountNumber);
  } else if (input.mode === "amino") {
    bytes = aminoSignBytes(input.aminoSignDoc);
  } else {
    throw new Error(`unknown mode ${input.mode}`);
  }
  const signature = await signBytes(bytes, privateKey);
  process.stdout.write(toBase64(txRaw(bodyBytes, authInfoBytes, signature)) + "\n");
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
