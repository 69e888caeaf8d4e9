import { Api, type UnsignedTx } from "./api";
import { encodeTxRaw, fromBase64, toBase64 } from "./encoding";
import { json, WALLET } from "./fixtures";
import { canonicalJson, signAndBroadcast } from "./signing";
import type { Keplr } from "./wallet";

const AMINO_DOC = {
  chain_id: "omniphi-devnet-1",
  account_number: "7",
  sequence: "0",
  fee: { amount: [{ denom: "omniphi", amount: "5350" }], gas: "214000" },
  msgs: [{ type: "cosmos-sdk/MsgCreateValidator", value: { delegator_address: WALLET } }],
  memo: "",
};

const UNSIGNED: UnsignedTx = {
  signDoc: { bodyBytes: "CgA=", authInfoBytes: "EgA=", chainId: "omniphi-devnet-1", accountNumber: "7" },
  aminoSignDoc: AMINO_DOC,
  signMode: "amino",
  gasEstimate: 214000,
  fee: { amount: [{ denom: "omniphi", amount: "5350" }], gas: "214000" },
  operatorAddress: "omnivaloper1x",
  sequence: "0",
  preflight: {},
};

const SIGNATURE = { pub_key: { type: "tendermint/PubKeySecp256k1", value: "AAAA" }, signature: toBase64(new Uint8Array(64).fill(7)) };

function setUp(signAmino: Keplr["signAmino"]) {
  window.keplr = { signAmino } as unknown as Keplr;
  const fetchImpl = vi.fn(async () => json(200, { txHash: "AB", code: 0, height: 5, rawLog: "" }));
  return { api: new Api("", "tok", fetchImpl as unknown as typeof fetch), fetchImpl };
}

afterEach(() => {
  delete window.keplr;
});

describe("signAndBroadcast (amino, Ledger)", () => {
  it("broadcasts the server's bytes with the wallet's signature when the wallet returned the same doc in another key order", async () => {
    const reordered = JSON.parse(
      '{"memo":"","msgs":[{"value":{"delegator_address":"' + WALLET + '"},"type":"cosmos-sdk/MsgCreateValidator"}],' +
        '"fee":{"gas":"214000","amount":[{"amount":"5350","denom":"omniphi"}]},"sequence":"0","account_number":"7","chain_id":"omniphi-devnet-1"}',
    );
    const signAmino = vi.fn(async () => ({ signed: reordered, signature: SIGNATURE }));
    const { api, fetchImpl } = setUp(signAmino);
    await expect(signAndBroadcast(api, "s1", WALLET, UNSIGNED)).resolves.toMatchObject({ txHash: "AB" });
    expect(signAmino).toHaveBeenCalledWith("omniphi-devnet-1", WALLET, AMINO_DOC, { preferNoSetFee: true, preferNoSetMemo: true });
    const body = JSON.parse((fetchImpl.mock.calls[0] as unknown as [string, RequestInit])[1].body as string);
    expect(body.txBytes).toBe(toBase64(encodeTxRaw(fromBase64("CgA="), fromBase64("EgA="), [fromBase64(SIGNATURE.signature)])));
  });

  it("refuses to broadcast when the wallet changed the fee", async () => {
    const signAmino = vi.fn(async () => ({
      signed: { ...AMINO_DOC, fee: { amount: [{ denom: "omniphi", amount: "9000" }], gas: "300000" } },
      signature: SIGNATURE,
    }));
    const { api, fetchImpl } = setUp(signAmino);
    await expect(signAndBroadcast(api, "s1", WALLET, UNSIGNED)).rejects.toThrow(/changed fee/);
    expect(fetchImpl).not.toHaveBeenCalled();
  });
});

describe("canonicalJson", () => {
  it("sorts keys at every level and keeps array order", () => {
    expect(canonicalJson({ b: [{ y: 1, x: "2" }], a: null, c: undefined })).toBe('{"a":null,"b":[{"x":"2","y":1}]}');
  });
});
