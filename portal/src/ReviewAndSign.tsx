import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, type Api, type BroadcastResult, type PublicConfig, type SetupRequest, type UnsignedTx } from "./api";
import { compareDecimal, fromBaseUnits, percentToRate, rateToPercent, toBaseUnits } from "./encoding";
import { signAndBroadcast } from "./signing";

interface Props {
  api: Api;
  config: PublicConfig;
  setup: SetupRequest;
  signer: string;
  isLedger: boolean;
  selfDelegation: string;
  onBroadcast: (result: BroadcastResult) => void;
  /** Back-off step between attempts to prepare the tx when the server is busy (tests shorten it). */
  retryBaseMs?: number;
}

interface Prepared {
  tx: UnsignedTx;
  /** self-delegation in base units, and the two permanent rates in percent, exactly as sent to create-validator-tx */
  amountUnits: string;
  maxRatePercent: string;
  maxChangePercent: string;
}

/** Attempts to prepare the unsigned tx while the server answers "busy" (429/502/503/504). */
const PREPARE_ATTEMPTS = 6;

function yesNo(v: boolean | undefined, yes: string, no: string): string {
  return v === undefined ? "not checked" : v ? yes : no;
}

/**
 * Review and sign: the unsigned MsgCreateValidator is built by the server (with pre-flight checks) and every value the
 * wallet will sign is shown here before the wallet is asked. Ledger accounts sign amino JSON, others direct.
 */
export function ReviewAndSign({ api, config, setup, signer, isLedger, selfDelegation, onBroadcast, retryBaseMs = 2000 }: Props) {
  // the API writes the commission as a JSON number (e.g. 0.1); the decimal helpers work on its text
  const commission = String(setup.commissionRate);
  const [amount, setAmount] = useState(selfDelegation);
  const [maxRatePercent, setMaxRatePercent] = useState(() => {
    const r = percentToRate("20");
    return r && compareDecimal(commission, r) > 0 ? rateToPercent(commission) : "20";
  });
  const [maxChangePercent, setMaxChangePercent] = useState("1");
  // the unsigned tx with the inputs it was prepared from: the table shows these, never the inputs as edited since
  const [prepared, setPrepared] = useState<Prepared | null>(null);
  const unsigned = prepared?.tx ?? null;
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signMode = isLedger ? "amino" : "direct";
  const decimals = config.chain.decimals;
  const denom = config.chain.bondDenom;

  // set while the component is shown: a retry loop stops when the step closes (status moved on, page changed)
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const prepare = useCallback(async () => {
    setError(null);
    setNotice(null);
    setPrepared(null);
    const units = toBaseUnits(amount, decimals);
    const maxRate = percentToRate(maxRatePercent);
    const maxChangeRate = percentToRate(maxChangePercent);
    if (!units || /^0*$/.test(units) || !maxRate || !maxChangeRate) {
      setError("Self-delegation, maximum rate and maximum change rate must be numbers above 0.");
      return;
    }
    setBusy(true);
    try {
      const body = { selfDelegation: { denom, amount: units }, maxRate, maxChangeRate, minSelfDelegation: "1", signMode } as const;
      // 429, 502, 503 and 504 say "busy, try again" (a rate limit, a downstream service restarting or slower than the
      // gateway's timeout on a loaded machine): wait as the server asks (Retry-After) or back off, a few times, before
      // showing the error; the user can still press "Prepare again" afterwards
      for (let attempt = 1; ; attempt++) {
        try {
          const tx = await api.createValidatorTx(setup.id, body);
          if (alive.current) setPrepared({ tx, amountUnits: units, maxRatePercent, maxChangePercent });
          break;
        } catch (e) {
          if (!(e instanceof ApiError) || !e.retryable || attempt >= PREPARE_ATTEMPTS || !alive.current) throw e;
          const wait = Math.min(30_000, Math.max(e.retryAfterMs ?? 0, retryBaseMs * attempt));
          setNotice(`${e.message} Trying again in ${Math.ceil(wait / 1000)} s (attempt ${attempt + 1} of ${PREPARE_ATTEMPTS}).`);
          await new Promise((r) => setTimeout(r, wait));
          if (!alive.current) return;
        }
      }
    } catch (e) {
      if (alive.current) {
        setError(e instanceof ApiError ? [e.message, ...e.errors.map((f) => `${f.field} ${f.message}`)].join(" — ") : String(e));
      }
    } finally {
      if (alive.current) {
        setBusy(false);
        setNotice(null);
      }
    }
  }, [api, setup.id, amount, maxRatePercent, maxChangePercent, decimals, denom, signMode, retryBaseMs]);

  useEffect(() => {
    void prepare();
    // prepared once when the step opens; later changes are applied with the "Prepare again" button
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [setup.id]);

  const sign = async () => {
    if (!unsigned) return;
    setError(null);
    setBusy(true);
    try {
      const result = await signAndBroadcast(api, setup.id, signer, unsigned);
      if (result.code !== 0) setError(`The chain refused the transaction (code ${result.code}): ${result.rawLog}`);
      else onBroadcast(result);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const coin = (c?: { denom: string; amount: string }) =>
    c ? `${fromBaseUnits(c.amount, decimals)} ${config.chain.displayDenom} (${c.amount} ${c.denom})` : "unknown";
  const p = unsigned?.preflight;
  const fee = unsigned?.fee.amount[0];
  const edited =
    prepared !== null &&
    (toBaseUnits(amount, decimals) !== prepared.amountUnits ||
      maxRatePercent !== prepared.maxRatePercent ||
      maxChangePercent !== prepared.maxChangePercent);
  const ready = setup.status === "ready_for_chain_tx" && unsigned !== null && !edited && !busy;

  return (
    <section aria-labelledby="review-title">
      <h2 id="review-title">Review and sign</h2>
      <div className="row">
        <div className="field">
          <label htmlFor="r-amount">Self-delegation amount</label>
          <input id="r-amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="r-max">Maximum commission rate (%)</label>
          <input id="r-max" inputMode="decimal" value={maxRatePercent} onChange={(e) => setMaxRatePercent(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="r-change">Maximum daily change (%)</label>
          <input id="r-change" inputMode="decimal" value={maxChangePercent} onChange={(e) => setMaxChangePercent(e.target.value)} />
        </div>
        <button type="button" onClick={() => void prepare()} disabled={busy}>
          Prepare again
        </button>
      </div>
      <p className="warning">
        The maximum commission rate and the maximum daily change can never be changed after the validator is created.
      </p>
      {prepared && unsigned && (
        <table aria-label="What you will sign">
          <tbody>
            <tr><th scope="row">Operator address</th><td>{unsigned.operatorAddress}</td></tr>
            <tr><th scope="row">Consensus public key</th><td>{setup.consensusPubkey ?? "not known yet"}</td></tr>
            <tr><th scope="row">Commission rate</th><td>{rateToPercent(commission)} %</td></tr>
            <tr><th scope="row">Maximum rate</th><td>{prepared.maxRatePercent} % (permanent)</td></tr>
            <tr><th scope="row">Maximum change rate</th><td>{prepared.maxChangePercent} % per day (permanent)</td></tr>
            <tr><th scope="row">Self-delegation</th><td>{coin({ denom, amount: prepared.amountUnits })}</td></tr>
            <tr><th scope="row">Fee</th><td>{coin(fee)}</td></tr>
            <tr><th scope="row">Gas</th><td>{unsigned.fee.gas}</td></tr>
            <tr><th scope="row">Sign mode</th><td>{unsigned.signMode === "amino" ? "amino JSON (Ledger)" : "direct"}</td></tr>
            <tr><th scope="row">Balance</th><td>{coin(p?.balance)} — {yesNo(p?.balanceSufficient, `covers ${coin(p?.required)}`, `does not cover ${coin(p?.required)}`)}</td></tr>
            <tr><th scope="row">Consensus key</th><td>{yesNo(p?.consensusKeyFree, "free", "already used by another validator")}</td></tr>
            <tr><th scope="row">Operator</th><td>{yesNo(p?.operatorFree, "has no validator yet", "already has a validator")}</td></tr>
            <tr><th scope="row">Node sync</th><td>{yesNo(p?.nodeSync?.inSync, `in sync (height ${p?.nodeSync?.nodeHeight ?? "?"})`, `behind by ${p?.nodeSync?.lagBlocks ?? "?"} blocks`)}</td></tr>
            <tr><th scope="row">Active set</th><td>{yesNo(p?.activeSet?.entersActiveSet, "this stake wins a seat in the active set", "this stake is below the last seat: the validator would be inactive")}</td></tr>
          </tbody>
        </table>
      )}
      {edited && (
        <p className="hint" aria-live="polite">
          You changed the values above since this transaction was prepared: press &quot;Prepare again&quot; to review
          and sign the new values.
        </p>
      )}
      {notice && <p className="hint" aria-live="polite">{notice}</p>}
      {error && <p className="error" role="alert">{error}</p>}
      <button type="button" onClick={() => void sign()} disabled={!ready}>
        Sign and broadcast
      </button>
    </section>
  );
}
