import { useEffect, useRef, useState } from "react";
import { ApiError, type Api, type ChainInfo, type WalletValidator } from "./api";
import { canStop } from "./status";
import { signAndBroadcast } from "./signing";

interface Props {
  api: Api;
  walletAddress: string;
  isLedger: boolean;
  /** Changes whenever the page learns that something changed (a status event), to reload the list. */
  refreshKey: unknown;
  onStopped: () => void;
  now?: () => number;
}

const PAGE = 10;
/** The list refreshes itself this often (voting power, heights and heartbeats change without a status change). */
const REFRESH_MS = 10_000;

function ago(iso: string | undefined, now: number): string {
  if (!iso) return "never";
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  return s < 120 ? `${s} s ago` : `${Math.round(s / 60)} min ago`;
}

/** What the downtime budget means for the owner: misses left before jailing, or when an unjail is possible. */
function budgetText(c: ChainInfo): string | null {
  const b = c.jailBudget;
  if (!b) return null;
  if (b.tombstoned) return "tombstoned (double sign): it can never be unjailed";
  if (c.jailed) {
    return b.jailedUntil && Date.parse(b.jailedUntil) > Date.now()
      ? `jailed until ${new Date(b.jailedUntil).toLocaleString()}; unjail after that, with the node running`
      : "jail period over: unjail once the node is running and in sync";
  }
  return `${b.missesLeftBlocks} of ${b.maxMissedBlocks} missed blocks left (about ${b.missesLeftMinutes} min), ${b.usedPercent} % used`;
}

/** The wallet's validators (by-wallet, paged), with stop (confirmed in a dialog) and unjail. */
export function Dashboard({ api, walletAddress, isLedger, refreshKey, onStopped, now = Date.now }: Props) {
  const [items, setItems] = useState<WalletValidator[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<WalletValidator | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  // the "Stop validator" button that opened the dialog: focus goes back to it when the dialog is cancelled
  const opener = useRef<HTMLElement | null>(null);
  const open = (v: WalletValidator, button: HTMLElement) => {
    opener.current = button;
    setConfirming(v);
  };
  const cancel = () => {
    setConfirming(null);
    opener.current?.focus();
  };

  const load = async (more: boolean) => {
    try {
      const page = await api.walletPage(walletAddress, PAGE, more ? cursor : null);
      setItems((old) => (more ? [...old, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  useEffect(() => {
    void load(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [walletAddress, refreshKey]);

  // keep what is shown (all loaded pages) fresh without resetting "Load more"
  const shown = useRef(PAGE);
  shown.current = Math.min(100, Math.max(PAGE, items.length));
  useEffect(() => {
    const timer = setInterval(() => {
      api.walletPage(walletAddress, shown.current).then(
        (page) => {
          setItems(page.items);
          setCursor(page.nextCursor);
          // a list that loads again clears the message of an earlier failed load
          setError(null);
        },
        () => {},
      );
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [api, walletAddress]);

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  const stop = async (v: WalletValidator) => {
    setConfirming(null);
    try {
      await api.stop(v.setupRequest.id);
      setNotice(`Stop requested for ${v.setupRequest.validatorName}.`);
      onStopped();
      await load(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const unjail = async (v: WalletValidator) => {
    try {
      const unsigned = await api.unjailTx(v.setupRequest.id, isLedger ? "amino" : "direct");
      const r = await signAndBroadcast(api, v.setupRequest.id, walletAddress, unsigned);
      setNotice(r.code === 0 ? `Unjail transaction sent: ${r.txHash}` : `The chain refused the unjail (code ${r.code}): ${r.rawLog}`);
      await load(false);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : e instanceof Error ? e.message : String(e));
    }
  };

  const t = now();
  return (
    <section aria-labelledby="dash-title">
      <h2 id="dash-title">Your validators</h2>
      {items.length === 0 && <p>No validators yet.</p>}
      <ul className="validators">
        {items.map((v) => {
          const s = v.setupRequest;
          const hb = v.heartbeat;
          return (
            <li key={s.id} aria-label={`Validator ${s.validatorName}`}>
              <h3>{s.validatorName}</h3>
              <dl>
                <dt>Setup</dt>
                <dd>{s.status}</dd>
                <dt>Run mode</dt>
                <dd>{s.runMode}</dd>
                <dt>Node</dt>
                <dd>
                  {v.node ? `${v.node.status}, height ${v.node.lastBlockHeight ?? "unknown"}` : "no node yet"}
                </dd>
                <dt>Voting power</dt>
                <dd>{v.chainInfo ? v.chainInfo.votingPower : 0}</dd>
                <dt>Active set</dt>
                <dd>{v.chainInfo?.isActiveValidator ? "yes" : "no"}</dd>
                <dt>Jailed</dt>
                <dd>{v.chainInfo?.jailed ? "yes" : "no"}</dd>
                {v.chainInfo && budgetText(v.chainInfo) && (
                  <>
                    <dt>Downtime budget</dt>
                    <dd>{budgetText(v.chainInfo)}</dd>
                  </>
                )}
                {s.failureReason && (
                  <>
                    <dt>Last problem</dt>
                    <dd>{s.failureReason}</dd>
                  </>
                )}
                {s.runMode === "local" && (
                  <>
                    <dt>Last heartbeat</dt>
                    <dd>
                      {ago(hb?.lastSeen, t)}
                      {hb?.stale ? " (stale: the node stopped reporting)" : ""}
                    </dd>
                  </>
                )}
                {v.chainInfo?.txHash && (
                  <>
                    <dt>Transaction</dt>
                    <dd className="mono">{v.chainInfo.txHash}</dd>
                  </>
                )}
              </dl>
              {v.chainInfo?.jailed && (
                <button type="button" onClick={() => void unjail(v)}>
                  Unjail
                </button>
              )}
              {canStop(s.status) && (
                <button type="button" onClick={(e) => open(v, e.currentTarget)}>
                  Stop validator
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {cursor && (
        <button type="button" onClick={() => void load(true)}>
          Load more
        </button>
      )}
      {notice && <p aria-live="polite">{notice}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {confirming && (
        <div className="backdrop">
          <div
            role="dialog"
            aria-modal="true"
            aria-labelledby="stop-title"
            aria-describedby="stop-risk"
            onKeyDown={(e) => e.key === "Escape" && cancel()}
          >
            <h2 id="stop-title">Stop {confirming.setupRequest.validatorName}?</h2>
            <p id="stop-risk">
              A stopped validator that is still bonded misses blocks. After the chain's downtime window it is jailed
              and part of its stake is slashed, and it earns nothing while stopped. Unbond first if you mean to leave
              the validator set. The node's data and key are kept.
            </p>
            <button type="button" ref={cancelRef} onClick={cancel}>
              Cancel
            </button>
            <button type="button" className="danger" onClick={() => void stop(confirming)}>
              Stop
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
