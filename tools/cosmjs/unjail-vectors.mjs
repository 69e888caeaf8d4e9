// Golden vectors for chain-service's MsgUnjail builder, computed with CosmJS 0.39 / cosmjs-types 0.11.
// Run: npm ci && npm run unjail-vectors   (writes ../../testdata/cosmjs/unjail-vectors.json)
// Amino: cosmos-sdk v0.50 x/slashing tx.proto names the message "cosmos-sdk/MsgUnjail" and renders validator_addr as
// "address" (never omitted); CosmJS' stargate has no slashing converter, so this is the converter the chain implies.
import { Secp256k1Wallet, makeSignDoc as makeAminoSignDoc, serializeSignDoc } from "@cosmjs/amino";
import { sha256 } from "@cosmjs/crypto";
import { fromBech32, toBech32, toUtf8 } from "@cosmjs/encoding";
import { DirectSecp256k1Wallet, Registry, encodePubkey, makeAuthInfoBytes, makeSignBytes } from "@cosmjs/proto-signing";
import { AminoTypes, defaultRegistryTypes } from "@cosmjs/stargate";
import { MsgUnjail } from "cosmjs-types/cosmos/slashing/v1beta1/tx";
import { SignMode } from "cosmjs-types/cosmos/tx/signing/v1beta1/signing";
import { toBase64, toHex, txHash, txRaw } from "./lib.mjs";

const privateKey = sha256(toUtf8("omniphi chain-service golden vector wallet key 1"));
const chainId = "omniphi-devnet-1";
const TYPE_URL = "/cosmos.slashing.v1beta1.MsgUnjail";
const aminoTypes = new AminoTypes({
  [TYPE_URL]: {
    aminoType: "cosmos-sdk/MsgUnjail",
    toAmino: ({ validatorAddr }) => ({ address: validatorAddr }),
    fromAmino: ({ address }) => ({ validatorAddr: address }),
  },
});

const CASES = [
  { name: "unjail-direct", mode: "direct", accountNumber: 7, sequence: 4, gasLimit: 120000,
    fee: { denom: "omniphi", amount: "3000" }, timeoutHeight: 5000 },
  { name: "unjail-amino", mode: "amino", accountNumber: 7, sequence: 5, gasLimit: 130000,
    fee: { denom: "omniphi", amount: "3250" }, timeoutHeight: 5001 },
  { name: "unjail-amino-zero-fee", mode: "amino", accountNumber: 7, sequence: 6, gasLimit: 130000, fee: null,
    timeoutHeight: 0 },
];

async function main() {
  const direct = await DirectSecp256k1Wallet.fromKey(privateKey, "omni");
  const amino = await Secp256k1Wallet.fromKey(privateKey, "omni");
  const [{ address, pubkey }] = await direct.getAccounts();
  const operatorAddress = toBech32("omnivaloper", fromBech32(address).data);
  const registry = new Registry([...defaultRegistryTypes, [TYPE_URL, MsgUnjail]]);
  const vectors = [];
  for (const c of CASES) {
    const msg = { typeUrl: TYPE_URL, value: { validatorAddr: operatorAddress } };
    const timeoutHeight = c.timeoutHeight ? BigInt(c.timeoutHeight) : undefined;
    const bodyBytes = registry.encodeTxBody({ messages: [msg], memo: "", timeoutHeight });
    const feeCoins = c.fee ? [c.fee] : [];
    const signMode = c.mode === "direct" ? SignMode.SIGN_MODE_DIRECT : SignMode.SIGN_MODE_LEGACY_AMINO_JSON;
    const authInfoBytes = makeAuthInfoBytes([{ pubkey: encodePubkey({ type: "tendermint/PubKeySecp256k1",
      value: toBase64(pubkey) }), sequence: c.sequence }], feeCoins, c.gasLimit, undefined, undefined, signMode);
    const v = { name: c.name, mode: c.mode, accountNumber: c.accountNumber, sequence: c.sequence,
      gasLimit: c.gasLimit, fee: c.fee ?? { denom: "omniphi", amount: "0" }, timeoutHeight: c.timeoutHeight,
      bodyBytesHex: toHex(bodyBytes), authInfoBytesHex: toHex(authInfoBytes) };
    let signature;
    if (c.mode === "direct") {
      const signed = await direct.signDirect(address, { bodyBytes, authInfoBytes, chainId,
        accountNumber: BigInt(c.accountNumber) });
      v.signBytesHex = toHex(makeSignBytes(signed.signed));
      signature = signed.signature.signature;
    } else {
      const doc = makeAminoSignDoc([aminoTypes.toAmino(msg)], { amount: feeCoins, gas: String(c.gasLimit) },
        chainId, "", c.accountNumber, c.sequence, timeoutHeight);
      v.aminoSignDoc = new TextDecoder().decode(serializeSignDoc(doc));
      const signed = await amino.signAmino(address, doc);
      signature = signed.signature.signature;
    }
    const raw = txRaw(bodyBytes, authInfoBytes, Buffer.from(signature, "base64"));
    v.signatureBase64 = signature;
    v.txRawBase64 = toBase64(raw);
    v.txHash = txHash(raw);
    vectors.push(v);
  }
  process.stdout.write(JSON.stringify({ generator: "tools/cosmjs/unjail-vectors.mjs with @cosmjs/* 0.39.0, cosmjs-types 0.11.0",
    chainId, walletAddress: address, operatorAddress, signerPubkeyBase64: toBase64(pubkey), vectors }, null, 2) + "\n");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
