import { TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import type { Api, UnsignedTx } from "./api";
import { fromBase64, toBase64 } from "./encoding";
import { signAndBroadcast } from "./signing";
import type { Keplr } from "./wallet";

// What the page hands to Keplr and what it broadcasts in direct mode (issue 15 item 7; amino mode and a changed fee are
// in signing.test.ts). Keplr replaces fee and memo unless the page sets preferNoSetFee / preferNoSetMemo (Keplr's
// KeplrSignOptions), and may re-encode body and auth-info bytes: the TxRaw must carry the bytes Keplr returned as
// `signed`, since those are what it signed (its AuthInfo included, with the fee the wallet chose).

const SIGNER = "omni1signer";
const AMINO_DOC = {
  chain_id: "omniphi-devnet-1",
  account_number: "7",
  sequence: "3",
  fee: { amount: [{ denom: "omniphi", amount: "2275" }], gas: "91000" },
  msgs: [{ type: "cosmos-sdk/MsgUnjail", value: { address: "omnivaloper1x" } }],
  memo: "",
};

function unsigned(signMode: "direct" | "amino"): UnsignedTx {
  return {
    signDoc: {
      bodyBytes: toBase64(new Uint8Array([1, 2, 3])),
      authInfoBytes: toBase64(new Uint8Array([4, 5, 6])),
      chainId: "omniphi-devnet-1",
      accountNumber: "7",
    },
    aminoSignDoc: signMode === "amino" ? structuredClone(AMINO_DOC) : null,
    signMode,
    gasEstimate: 91000,
    fee: { amount: [{ denom: "omniphi", amount: "2275" }], gas: "91000" },
    operatorAddress: "omnivaloper1x",
    sequence: "3",
    preflight: {},
  };
}

function api() {
  const broadcast = vi.fn(async () => ({ txHash: "AB", code: 0, height: 0, rawLog: "" }));
  return { api: { broadcast } as unknown as Api, broadcast };
}

function wallet(overrides: Partial<Keplr>): void {
  window.keplr = { ...overrides } as Keplr;
}

afterEach(() => {
  delete window.keplr;
});

describe("signAndBroadcast (direct; amino memo)", () => {
  it("asks Keplr to keep fee and memo and broadcasts the body and auth info Keplr signed (direct)", async () => {
    const signature = { pub_key: { type: "tendermint/PubKeySecp256k1", value: "AAAA" }, signature: toBase64(new Uint8Array([9, 9])) };
    const signDirect = vi.fn(async () => ({
      // a wallet that re-encoded both (e.g. its own AuthInfo): the TxRaw must carry these, not the server's
      signed: { bodyBytes: new Uint8Array([1, 2, 3, 0]), authInfoBytes: new Uint8Array([4, 5, 6, 0]), chainId: "omniphi-devnet-1", accountNumber: 7n },
      signature,
    }));
    wallet({ signDirect });
    const { api: a, broadcast } = api();

    await signAndBroadcast(a, "setup-1", SIGNER, unsigned("direct"));

    expect(signDirect).toHaveBeenCalledWith(
      "omniphi-devnet-1",
      SIGNER,
      { bodyBytes: new Uint8Array([1, 2, 3]), authInfoBytes: new Uint8Array([4, 5, 6]), chainId: "omniphi-devnet-1", accountNumber: 7n },
      { preferNoSetFee: true, preferNoSetMemo: true },
    );
    const [id, txBytes] = broadcast.mock.calls[0] as unknown as [string, string];
    expect(id).toBe("setup-1");
    const raw = TxRaw.decode(fromBase64(txBytes));
    expect(Array.from(raw.bodyBytes)).toEqual([1, 2, 3, 0]);
    expect(Array.from(raw.authInfoBytes)).toEqual([4, 5, 6, 0]);
    expect(raw.signatures.map((s) => Array.from(s))).toEqual([[9, 9]]);
  });

  it("refuses to broadcast when the wallet set a memo on the amino doc", async () => {
    wallet({
      signAmino: (async (_c: string, _s: string, doc: typeof AMINO_DOC) => ({
        signed: { ...structuredClone(doc), memo: "set by the wallet" },
        signature: { pub_key: { type: "tendermint/PubKeySecp256k1", value: "AAAA" }, signature: "Bw==" },
      })) as unknown as Keplr["signAmino"],
    });
    const { api: a, broadcast } = api();

    await expect(signAndBroadcast(a, "setup-3", SIGNER, unsigned("amino"))).rejects.toThrow(/changed/);
    expect(broadcast).not.toHaveBeenCalled();
  });
});
