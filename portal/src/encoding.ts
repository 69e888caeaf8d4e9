// Byte and decimal helpers without floating point (commission and amounts are exact decimals on the chain).

export function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export function fromBase64(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function utf8Bytes(s: string): number {
  return new TextEncoder().encode(s).length;
}

function varint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return out;
}

/**
 * protobuf encoding of cosmos.tx.v1beta1.TxRaw {bytes body_bytes = 1; bytes auth_info_bytes = 2; repeated bytes
 * signatures = 3;} (cosmos-sdk proto/cosmos/tx/v1beta1/tx.proto, v0.50): three length-delimited fields, wire type 2.
 * Empty fields are omitted as proto3 does. Tested against cosmjs-types' TxRaw.encode.
 */
export function encodeTxRaw(bodyBytes: Uint8Array, authInfoBytes: Uint8Array, signatures: Uint8Array[]): Uint8Array {
  const parts: number[] = [];
  const field = (tag: number, bytes: Uint8Array, always: boolean) => {
    if (bytes.length === 0 && !always) return;
    parts.push((tag << 3) | 2, ...varint(bytes.length), ...bytes);
  };
  field(1, bodyBytes, false);
  field(2, authInfoBytes, false);
  for (const s of signatures) field(3, s, true);
  return new Uint8Array(parts);
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** "10" (percent) → "0.1"; "12.5" → "0.125". Null when not a plain non-negative decimal. */
export function percentToRate(percent: string): string | null {
  const m = DECIMAL.exec(percent.trim());
  if (!m) return null;
  const int = m[1].replace(/^0+(?=\d)/, "");
  const frac = m[2] ?? "";
  const digits = (int + frac).replace(/^0+/, "") || "0";
  const scale = frac.length + 2;
  if (digits === "0") return "0";
  const padded = digits.padStart(scale + 1, "0");
  const whole = padded.slice(0, padded.length - scale).replace(/^0+(?=\d)/, "");
  const fraction = padded.slice(padded.length - scale).replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : whole;
}

/** Decimal rate "0.1" → percent "10". */
export function rateToPercent(rate: string): string {
  const m = DECIMAL.exec(rate.trim());
  if (!m) return rate;
  const frac = (m[2] ?? "").padEnd(2, "0");
  const int = (m[1] + frac.slice(0, 2)).replace(/^0+(?=\d)/, "");
  const rest = frac.slice(2).replace(/0+$/, "");
  return rest ? `${int}.${rest}` : int;
}

/** Compares two non-negative decimal strings: -1, 0, 1. */
export function compareDecimal(a: string, b: string): number {
  const [ai, af = ""] = a.split(".");
  const [bi, bf = ""] = b.split(".");
  const ia = ai.replace(/^0+/, "");
  const ib = bi.replace(/^0+/, "");
  if (ia.length !== ib.length) return ia.length < ib.length ? -1 : 1;
  if (ia !== ib) return ia < ib ? -1 : 1;
  const len = Math.max(af.length, bf.length);
  const fa = af.padEnd(len, "0");
  const fb = bf.padEnd(len, "0");
  return fa === fb ? 0 : fa < fb ? -1 : 1;
}

/** Display amount ("1000.5" OMNI) → base units string with `decimals` (6 → "1000500000"); null when invalid. */
export function toBaseUnits(display: string, decimals: number): string | null {
  const m = DECIMAL.exec(display.trim());
  if (!m) return null;
  const frac = m[2] ?? "";
  if (frac.length > decimals) return null;
  const units = (m[1] + frac.padEnd(decimals, "0")).replace(/^0+(?=\d)/, "");
  return units;
}

/** Base units → display amount. */
export function fromBaseUnits(units: string, decimals: number): string {
  const padded = units.padStart(decimals + 1, "0");
  const whole = padded.slice(0, padded.length - decimals).replace(/^0+(?=\d)/, "");
  const frac = padded.slice(padded.length - decimals).replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : whole;
}
