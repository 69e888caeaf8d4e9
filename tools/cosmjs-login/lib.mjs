// ADR-036 signArbitrary with CosmJS only (what Keplr's signArbitrary produces): an amino StdSignDoc with one
// sign/MsgSignData message, chain_id "", account_number "0", sequence "0", empty fee and memo. Nothing here is taken
// from the Java side, so the output is an independent oracle for the gateway's verifier.
import { makeSignDoc, serializeSignDoc, Secp256k1Wallet } from "@cosmjs/amino";
import { fromHex, toBase64, toUtf8 } from "@cosmjs/encoding";

export const PREFIX = "omni";

/** Signs `message` (a string, UTF-8) with the raw secp256k1 private key; returns the login body and the sign doc. */
export async function signLogin(privateKeyHex, message) {
  const wallet = await Secp256k1Wallet.fromKey(fromHex(privateKeyHex), PREFIX);
  const [account] = await wallet.getAccounts();
  const msg = {
    type: "sign/MsgSignData",
    value: { signer: account.address, data: toBase64(toUtf8(message)) },
  };
  const signDoc = makeSignDoc([msg], { gas: "0", amount: [] }, "", "", 0, 0);
  const { signature } = await wallet.signAmino(account.address, signDoc);
  return {
    loginBody: {
      walletAddress: account.address,
      pubKey: signature.pub_key,
      signature: signature.signature,
      message,
    },
    signDocJson: new TextDecoder().decode(serializeSignDoc(signDoc)),
  };
}
