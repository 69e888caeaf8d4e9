// A Keplr double for browser tests: the page sees window.keplr, every call lands here and is answered with CosmJS
// (the same library family Keplr builds on), so what the portal sends to the chain is signed for real. Semantics
// follow Keplr's injected provider (@keplr-wallet/types Keplr interface): a chain must be suggested before enable,
// enable before getKey/sign; signArbitrary is ADR-036 (sign/MsgSignData, chain_id "", account_number "0", sequence "0",
// empty fee and memo); Ledger accounts (isNanoLedger) cannot sign SIGN_MODE_DIRECT. Test keys only.
import { makeSignDoc, Secp256k1HdWallet } from "@cosmjs/amino";
import { Bip39, Random } from "@cosmjs/crypto";
import { fromBase64, toBase64, toUtf8 } from "@cosmjs/encoding";
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";

export function randomMnemonic() {
  return Bip39.encode(Random.getBytes(32)).toString();
}

const REQUIRED_CHAIN_FIELDS = ["chainId", "chainName", "rpc", "rest", "bip44", "bech32Config", "currencies", "feeCurrencies", "stakeCurrency"];

/**
 * @param {{mnemonic: string, prefix: string, ledger: boolean}} options
 * @returns the wallet's address, a log of calls, and handle(method, args) for the page binding
 */
export async function keplrDouble({ mnemonic, prefix, ledger }) {
  const amino = await Secp256k1HdWallet.fromMnemonic(mnemonic, { prefix });
  const direct = await DirectSecp256k1HdWallet.fromMnemonic(mnemonic, { prefix });
  const [account] = await amino.getAccounts();
  const { fromBech32 } = await import("@cosmjs/encoding");
  const chains = new Map();
  const enabled = new Set();
  const calls = [];

  const requireEnabled = (chainId) => {
    if (!enabled.has(chainId)) throw new Error(`${chainId} is not enabled`);
  };
  const requireSigner = (signer) => {
    if (signer !== account.address) throw new Error(`Unknown signer ${signer}`);
  };

  const methods = {
    async experimentalSuggestChain(info) {
      const missing = REQUIRED_CHAIN_FIELDS.filter((f) => info?.[f] === undefined);
      if (missing.length) throw new Error(`Invalid chain info: missing ${missing.join(", ")}`);
      if (info.bech32Config.bech32PrefixAccAddr !== prefix) throw new Error("Invalid chain info: bech32 prefix");
      chains.set(info.chainId, info);
    },
    async enable(chainIds) {
      for (const id of [].concat(chainIds)) {
        if (!chains.has(id)) throw new Error(`There is no chain info for ${id}`);
        enabled.add(id);
      }
    },
    async getKey(chainId) {
      requireEnabled(chainId);
      return {
        name: ledger ? "test-ledger" : "test-wallet",
        algo: "secp256k1",
        pubKey: toBase64(account.pubkey),
        address: toBase64(fromBech32(account.address).data),
        bech32Address: account.address,
        isNanoLedger: ledger,
      };
    },
    async signArbitrary(chainId, signer, data) {
      requireEnabled(chainId);
      requireSigner(signer);
      const msg = { type: "sign/MsgSignData", value: { signer, data: toBase64(toUtf8(data)) } };
      const doc = makeSignDoc([msg], { gas: "0", amount: [] }, "", "", 0, 0);
      return (await amino.signAmino(signer, doc)).signature;
    },
    async signDirect(chainId, signer, signDoc) {
      requireEnabled(chainId);
      requireSigner(signer);
      if (ledger) throw new Error("Ledger does not support direct signing: sign in amino mode");
      const { signed, signature } = await direct.signDirect(signer, {
        bodyBytes: fromBase64(signDoc.bodyBytes),
        authInfoBytes: fromBase64(signDoc.authInfoBytes),
        chainId: signDoc.chainId,
        accountNumber: BigInt(signDoc.accountNumber),
      });
      return {
        signed: {
          bodyBytes: toBase64(signed.bodyBytes),
          authInfoBytes: toBase64(signed.authInfoBytes),
          chainId: signed.chainId,
          accountNumber: signed.accountNumber.toString(),
        },
        signature,
      };
    },
    async signAmino(chainId, signer, signDoc) {
      requireEnabled(chainId);
      requireSigner(signer);
      if (signDoc.chain_id !== chainId) throw new Error("chain id of the sign doc differs");
      return amino.signAmino(signer, signDoc);
    },
  };

  return {
    address: account.address,
    calls,
    async handle(method, args) {
      calls.push({ method, options: args[3] ?? null });
      if (!methods[method]) throw new Error(`keplr.${method} is not provided by the test wallet`);
      return methods[method](...args);
    },
  };
}

/**
 * The page side, installed with page.addInitScript: window.keplr forwards to the binding `__keplrDouble`, converting
 * Uint8Array and bigint (which cannot cross the binding) to base64 and decimal strings and back.
 */
export const PAGE_SCRIPT = `(() => {
  const b64 = (u) => { let s = ""; for (const x of u) s += String.fromCharCode(x); return btoa(s); };
  const bytes = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
  const call = (method, ...args) => window.__keplrDouble(method, args);
  window.keplr = {
    version: "0.12-test",
    experimentalSuggestChain: (info) => call("experimentalSuggestChain", info),
    enable: (ids) => call("enable", ids),
    getKey: async (id) => { const k = await call("getKey", id); return { ...k, pubKey: bytes(k.pubKey), address: bytes(k.address) }; },
    signArbitrary: (id, signer, data) => call("signArbitrary", id, signer, typeof data === "string" ? data : new TextDecoder().decode(data)),
    signDirect: async (id, signer, doc, opts) => {
      const r = await call("signDirect", id, signer, { bodyBytes: b64(doc.bodyBytes), authInfoBytes: b64(doc.authInfoBytes), chainId: doc.chainId, accountNumber: String(doc.accountNumber) }, opts ?? null);
      return { signed: { ...r.signed, bodyBytes: bytes(r.signed.bodyBytes), authInfoBytes: bytes(r.signed.authInfoBytes), accountNumber: BigInt(r.signed.accountNumber) }, signature: r.signature };
    },
    signAmino: (id, signer, doc, opts) => call("signAmino", id, signer, doc, opts ?? null),
  };
})();`;
