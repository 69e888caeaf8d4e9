import { TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { compareDecimal, encodeTxRaw, fromBaseUnits, percentToRate, rateToPercent, toBaseUnits } from "./encoding";

describe("encodeTxRaw", () => {
  it("matches cosmjs-types' TxRaw.encode byte for byte", () => {
    const body = new Uint8Array(300).map((_, i) => (i * 7) & 0xff); // a length that needs a two-byte varint
    const auth = new Uint8Array([1, 2, 3]);
    const sig = new Uint8Array(64).fill(9);
    const ours = encodeTxRaw(body, auth, [sig]);
    const theirs = TxRaw.encode(TxRaw.fromPartial({ bodyBytes: body, authInfoBytes: auth, signatures: [sig] })).finish();
    expect(Array.from(ours)).toEqual(Array.from(theirs));
  });
});

describe("decimals without floating point", () => {
  it("turns percent into the chain's rate and back", () => {
    expect(percentToRate("10")).toBe("0.1");
    expect(percentToRate("12.5")).toBe("0.125");
    expect(percentToRate("100")).toBe("1");
    expect(percentToRate("0.01")).toBe("0.0001");
    expect(percentToRate("5")).toBe("0.05");
    expect(percentToRate("ten")).toBeNull();
    expect(percentToRate("-1")).toBeNull();
    expect(rateToPercent("0.1")).toBe("10");
    expect(rateToPercent("0.125")).toBe("12.5");
    expect(rateToPercent("1")).toBe("100");
  });

  it("compares decimals and converts display amounts", () => {
    expect(compareDecimal("0.05", "0.050")).toBe(0);
    expect(compareDecimal("0.049", "0.05")).toBe(-1);
    expect(compareDecimal("1", "0.999")).toBe(1);
    expect(toBaseUnits("1000", 6)).toBe("1000000000");
    expect(toBaseUnits("0.000001", 6)).toBe("1");
    expect(toBaseUnits("0.0000001", 6)).toBeNull();
    expect(fromBaseUnits("1000500000", 6)).toBe("1000.5");
  });
});
