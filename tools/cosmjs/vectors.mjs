// Golden vectors for chain-service's MsgCreateValidator builder, computed with CosmJS 0.39 / cosmjs-types 0.11.
// Run: npm ci && npm run vectors   (writes ../../testdata/cosmjs/create-validator-vectors.json)
import { Secp256k1Wallet, makeSignDoc as makeAminoSignDoc, serializeSignDoc } from "@cosmjs/amino";
import { Secp256k1, sha256 } from "@cosmjs/crypto";
import { fromBech32, toBech32, toUtf8 } from "@cosmjs/encoding";
import { Decimal } from "@cosmjs/math";
import { DirectSecp256k1Wallet, Registry, encodePubkey, makeAuthInfoBytes } from "@cosmjs/proto-signing";
import { AminoTypes, createStakingAminoConverters, defaultRegistryTypes } from "@cosmjs/stargate";
import { SignMode } from "cosmjs-types/cosmos/tx/signing/v1beta1/signing";
import { aminoSignBytes, directSignBytes, signBytes, toBase64, toHex, txHash, txRaw } from "./lib.mjs";

// Fixed test keys (never use outside tests): the wallet's secp256k1 private key and a validator's ed25519 public key.
const privateKey = sha256(toUtf8("omniphi chain-service golden vector wallet key 1"));
const consensusPubkey = sha256(toUtf8("omniphi chain-service golden vector consensus key 1"));
const chainId = "omniphi-devnet-1";

/**
 * SDK 0.50's x/tx aminojson omits empty fields unless the proto marks them dont_omitempty. CosmJS's stock converter
 * keeps empty description fields and the deprecated empty delegator_address, so we drop them the way the chain does
 * (description fields and delegator_address have no dont_omitempty; commission, min_self_delegation, value do).
 */
function sdk050StakingConverters(decForm) {
  const stock = createStakingAminoConverters();
  const create = stock["/cosmos.staking.v1beta1.MsgCreateValidator"];
  const omitEmpty = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== "" && v !== undefined));
  return {
    ...stock,
    "/cosmos.staking.v1beta1.MsgCreateValidator": {
      ...create,
      toAmino: (msg) => {
        const amino = create.toAmino(msg);
        // x/tx before v0.13.6 (cosmos-sdk #21825, #22161) writes LegacyDec as its proto string, the integer x 10^18;
        // CosmJS' converter writes the decimal, as x/tx v0.13.6+ does.
        const commission = decForm === "integer"
          ? { rate: msg.commission.rate, max_rate: msg.commission.maxRate,
              max_change_rate: msg.commission.maxChangeRate }
          : amino.commission;
        return omitEmpty({ ...amino, commission, description: omitEmpty(amino.description) });
      },
    },
  };
}

function legacyDec(decimal) {
  return Decimal.fromUserInput(decimal, 18).atomics;
}

const CASES = [
  {
    name: "direct-full-description",
    mode: "direct",
    accountNumber: 7,
    sequence: 3,
    gasLimit: 260000,
    fee: { denom: "omniphi", amount: "6500" },
    memo: "",
    description: {
      moniker: "Tom & Jerry <validator>",
      identity: "6A0D65E29A4CBC8E",
      website: "https://validator.example.com/?a=1&b=2",
      securityContact: "security@example.com",
      details: "Runs on <bare metal> & loves uptime",
    },
    commission: { rate: "0.1", maxRate: "0.2", maxChangeRate: "0.01" },
    minSelfDelegation: "1",
    value: { denom: "omniphi", amount: "1000000" },
  },
  {
    name: "amino-sparse-description",
    mode: "amino",
    accountNumber: 12,
    sequence: 0,
    gasLimit: 208000,
    fee: { denom: "omniphi", amount: "5200" },
    memo: "",
    description: { moniker: "A&B <node>", identity: "", website: "", securityContact: "", details: "" },
    commission: { rate: "0.05", maxRate: "1", maxChangeRate: "0.015" },
    minSelfDelegation: "500000",
    value: { denom: "omniphi", amount: "2500000" },
  },
  {
    // x/tx < v0.13.6 chain: LegacyDec as the integer string; with a timeout height in body and amino doc
    name: "amino-integer-legacydec-timeout-height",
    mode: "amino",
    decForm: "integer",
    accountNumber: 3,
    sequence: 1,
    gasLimit: 230000,
    fee: { denom: "omniphi", amount: "5750" },
    memo: "",
    timeoutHeight: 12345,
    description: { moniker: "Integer & Dec", identity: "", website: "https://a.example/?x=1&y=2", securityContact: "",
      details: "" },
    commission: { rate: "0.1", maxRate: "0.25", maxChangeRate: "0.01" },
    minSelfDelegation: "1",
    value: { denom: "omniphi", amount: "1000000" },
  },
  {
    // zero-gas-price chain: no fee coin in AuthInfo, "amount":[] in the amino doc
    name: "amino-zero-fee",
    mode: "amino",
    accountNumber: 4,
    sequence: 2,
    gasLimit: 200000,
    fee: null,
    memo: "",
    timeoutHeight: 900,
    description: { moniker: "free", identity: "", website: "", securityContact: "", details: "" },
    commission: { rate: "0.05", maxRate: "0.1", maxChangeRate: "0.01" },
    minSelfDelegation: "1",
    value: { denom: "omniphi", amount: "1000000" },
  },
  {
    name: "direct-zero-fee-timeout-height",
    mode: "direct",
    accountNumber: 4,
    sequence: 2,
    gasLimit: 200000,
    fee: null,
    memo: "",
    timeoutHeight: 900,
    description: { moniker: "free", identity: "", website: "", securityContact: "", details: "" },
    commission: { rate: "0.05", maxRate: "0.1", maxChangeRate: "0.01" },
    minSelfDelegation: "1",
    value: { denom: "omniphi", amount: "1000000" },
  },
];

async function main() {
  const [{ address, pubkey }] = await (await DirectSecp256k1Wallet.fromKey(privateKey, "omni")).getAccounts();
  const operatorAddress = toBech32("omnivaloper", fromBech32(address).data);
  const registry = new Registry(defaultRegistryTypes);
  const vectors = [];
  for (const c of CASES) {
    const aminoTypes = new AminoTypes(sdk050StakingConverters(c.decForm ?? "decimal"));
    vectors.push(await buildVector(c, { address, pubkey, operatorAddress, registry, aminoTypes }));
  }
  const out = {
    generator: "tools/cosmjs/vectors.mjs with @cosmjs/* 0.39.0, cosmjs-types 0.11.0",
    chainId,
    privateKeyHex: toHex(privateKey),
    walletAddress: address,
    operatorAddress,
    signerPubkeyBase64: toBase64(pubkey),
    consensusPubkeyBase64: toBase64(consensusPubkey),
    vectors,
  };
  process.stdout.write(JSON.stringify(out, null, 2) + "\n");
}

async function buildVector(c, { address, pubkey, operatorAddress, registry, aminoTypes }) {
  const msg = {
    typeUrl: "/cosmos.staking.v1beta1.MsgCreateValidator",
    value: {
      description: c.description,
      commission: {
        rate: legacyDec(c.commission.rate),
        maxRate: legacyDec(c.commission.maxRate),
        maxChangeRate: legacyDec(c.commission.maxChangeRate),
      },
      minSelfDelegation: c.minSelfDelegation,
      delegatorAddress: "",
      validatorAddress: operatorAddress,
      pubkey: encodePubkey({ type: "tendermint/PubKeyEd25519", value: toBase64(consensusPubkey) }),
      value: c.value,
    },
  };
  const timeoutHeight = c.timeoutHeight ? BigInt(c.timeoutHeight) : undefined;
  const bodyBytes = registry.encodeTxBody({ messages: [msg], memo: c.memo, timeoutHeight });
  const feeCoins = c.fee ? [c.fee] : [];
  const signMode = c.mode === "direct" ? SignMode.SIGN_MODE_DIRECT : SignMode.SIGN_MODE_LEGACY_AMINO_JSON;
  const signerPubkey = encodePubkey({ type: "tendermint/PubKeySecp256k1", value: toBase64(pubkey) });
  const authInfoBytes = makeAuthInfoBytes([{ pubkey: signerPubkey, sequence: c.sequence }], feeCoins, c.gasLimit,
    undefined, undefined, signMode);
  const result = { name: c.name, mode: c.mode, aminoLegacyDec: c.decForm ?? "decimal",
    accountNumber: c.accountNumber, sequence: c.sequence, timeoutHeight: c.timeoutHeight ?? 0,
    gasLimit: c.gasLimit, fee: c.fee ?? { denom: "omniphi", amount: "0" }, memo: c.memo, description: c.description, commission: c.commission,
    minSelfDelegation: c.minSelfDelegation, value: c.value, bodyBytesHex: toHex(bodyBytes),
    authInfoBytesHex: toHex(authInfoBytes) };
  let signature;
  if (c.mode === "direct") {
    const bytes = directSignBytes(bodyBytes, authInfoBytes, chainIdOf(), c.accountNumber);
    result.signBytesHex = toHex(bytes);
    signature = await signBytes(bytes, privateKey);
    const viaWallet = await (await DirectSecp256k1Wallet.fromKey(privateKey, "omni")).signDirect(address,
      { bodyBytes, authInfoBytes, chainId: chainIdOf(), accountNumber: BigInt(c.accountNumber) });
    assertSame(toBase64(signature), viaWallet.signature.signature, "direct signature");
  } else {
    const fee = { amount: feeCoins, gas: String(c.gasLimit) };
    const doc = makeAminoSignDoc([aminoTypes.toAmino(msg)], fee, chainIdOf(), c.memo, c.accountNumber, c.sequence,
      timeoutHeight);
    const json = new TextDecoder().decode(serializeSignDoc(doc));
    result.aminoSignDoc = json;
    result.signBytesHex = toHex(aminoSignBytes(json));
    signature = await signBytes(aminoSignBytes(json), privateKey);
    const viaWallet = await (await Secp256k1Wallet.fromKey(privateKey, "omni")).signAmino(address, doc);
    assertSame(toBase64(signature), viaWallet.signature.signature, "amino signature");
  }
  const ok = await Secp256k1.verifySignature(
    (await import("@cosmjs/crypto")).Secp256k1Signature.fromFixedLength(signature), sha256(fromHexOf(result.signBytesHex)), pubkey);
  assertSame(ok, true, "signature verifies");
  const raw = txRaw(bodyBytes, authInfoBytes, signature);
  result.signatureBase64 = toBase64(signature);
  result.txRawBase64 = toBase64(raw);
  result.txHash = txHash(raw);
  return result;
}

function chainIdOf() {
  return chainId;
}

function fromHexOf(hex) {
  return Uint8Array.from(hex.match(/../g).map((h) => parseInt(h, 16)));
}

function assertSame(actual, expected, what) {
  if (actual !== expected) {
    throw new Error(`${what}: ${actual} !== ${expected}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
