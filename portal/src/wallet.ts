// Keplr wallet (window.keplr): suggest the chain from the gateway's config, enable, read the key, sign the ADR-036
// login, sign transactions. Method names and shapes follow Keplr's injected provider (@keplr-wallet/types, Keplr
// interface: experimentalSuggestChain, enable, getKey, signArbitrary, signDirect, signAmino). Ledger accounts cannot
// sign SIGN_MODE_DIRECT in Keplr, so the sign mode is chosen up front from getKey().isNanoLedger (DESIGN.md).
import type { AminoSignDoc, PublicConfig } from "./api";

export interface KeplrKey {
  name: string;
  algo: string;
  pubKey: Uint8Array;
  address: Uint8Array;
  bech32Address: string;
  isNanoLedger: boolean;
}

export interface StdSignature {
  pub_key: { type: string; value: string };
  signature: string;
}

export interface KeplrSignOptions {
  preferNoSetFee?: boolean;
  preferNoSetMemo?: boolean;
  disableBalanceCheck?: boolean;
}

export interface DirectSignDoc {
  bodyBytes: Uint8Array;
  authInfoBytes: Uint8Array;
  chainId: string;
  accountNumber: bigint;
}

export interface Keplr {
  experimentalSuggestChain(chainInfo: unknown): Promise<void>;
  enable(chainIds: string | string[]): Promise<void>;
  getKey(chainId: string): Promise<KeplrKey>;
  signArbitrary(chainId: string, signer: string, data: string | Uint8Array): Promise<StdSignature>;
  signDirect(
    chainId: string,
    signer: string,
    signDoc: DirectSignDoc,
    signOptions?: KeplrSignOptions,
  ): Promise<{ signed: { bodyBytes: Uint8Array; authInfoBytes: Uint8Array; chainId: string; accountNumber: unknown }; signature: StdSignature }>;
  signAmino(
    chainId: string,
    signer: string,
    signDoc: AminoSignDoc,
    signOptions?: KeplrSignOptions,
  ): Promise<{ signed: AminoSignDoc; signature: StdSignature }>;
}

declare global {
  interface Window {
    keplr?: Keplr;
  }
}

export class WalletError extends Error {
  readonly kind: "missing" | "rejected" | "unknown-chain" | "other";

  constructor(kind: WalletError["kind"], message: string) {
    super(message);
    this.kind = kind;
  }
}

/** Keplr's ChainInfo for experimentalSuggestChain, from the gateway's public config. */
export function chainInfo(config: PublicConfig) {
  const c = config.chain;
  const currency = { coinDenom: c.displayDenom, coinMinimalDenom: c.bondDenom, coinDecimals: c.decimals };
  const gas = Number(c.gasPrice);
  return {
    chainId: c.chainId,
    chainName: c.chainName,
    rpc: c.rpc,
    rest: c.rest,
    bip44: { coinType: c.coinType },
    bech32Config: {
      bech32PrefixAccAddr: c.bech32Prefix,
      bech32PrefixAccPub: `${c.bech32Prefix}pub`,
      bech32PrefixValAddr: `${c.bech32Prefix}valoper`,
      bech32PrefixValPub: `${c.bech32Prefix}valoperpub`,
      bech32PrefixConsAddr: `${c.bech32Prefix}valcons`,
      bech32PrefixConsPub: `${c.bech32Prefix}valconspub`,
    },
    currencies: [currency],
    feeCurrencies: [{ ...currency, gasPriceStep: { low: gas, average: gas, high: gas * 2 } }],
    stakeCurrency: currency,
  };
}

/** Maps what Keplr throws to a message a person can act on. */
export function walletError(e: unknown): WalletError {
  if (e instanceof WalletError) return e;
  const text = e instanceof Error ? e.message : String(e);
  if (/reject|denied|cancel/i.test(text)) {
    return new WalletError("rejected", "You rejected the request in your wallet. Nothing was signed.");
  }
  if (/no chain info|unknown chain|not supported|no modular chain/i.test(text)) {
    return new WalletError("unknown-chain", `Your wallet does not know this chain: ${text}`);
  }
  return new WalletError("other", `The wallet reported an error: ${text}`);
}

export function keplr(): Keplr {
  if (!window.keplr) {
    throw new WalletError(
      "missing",
      "No Keplr wallet found in this browser. Install the Keplr extension, then reload this page.",
    );
  }
  return window.keplr;
}

/** Suggests the chain, enables it and reads the key; every wallet failure becomes a WalletError. */
export async function connect(config: PublicConfig): Promise<KeplrKey> {
  const k = keplr();
  try {
    await k.experimentalSuggestChain(chainInfo(config));
    await k.enable(config.chain.chainId);
    return await k.getKey(config.chain.chainId);
  } catch (e) {
    throw walletError(e);
  }
}

export const SIGN_OPTIONS: KeplrSignOptions = { preferNoSetFee: true, preferNoSetMemo: true };
