import { useCallback, useEffect, useState } from "react";
import { Api, type BroadcastResult, type PublicConfig, type SetupRequest, type SetupWithNode } from "./api";
import { Dashboard } from "./Dashboard";
import { LocalAgentStep } from "./LocalAgentStep";
import { ReviewAndSign } from "./ReviewAndSign";
import { SetupForm } from "./SetupForm";
import { follow } from "./sse";
import { describeStatus, isLive, TERMINAL } from "./status";
import { connect, keplr, walletError, type KeplrKey } from "./wallet";

interface Session {
  api: Api;
  key: KeplrKey;
}

interface Props {
  api?: Api;
}

/**
 * The portal: connect the wallet (ADR-036 login; the access token stays in this page's memory only), then the setup
 * wizard, progress pushed by server-sent events, review and sign, and the dashboard.
 */
export function App(props: Props) {
  // one client for the page's lifetime: a default parameter (`api = new Api()`) would be a new object on every render,
  // and every render would then fetch the config again (the effect below depends on it) until the gateway's rate
  // limit answered 429
  const [api] = useState(() => props.api ?? new Api());
  const [config, setConfig] = useState<PublicConfig | null>(null);
  const [session, setSession] = useState<Session | null>(null);
  const [connectError, setConnectError] = useState<string | null>(null);
  const [connecting, setConnecting] = useState(false);
  const [current, setCurrent] = useState<SetupWithNode | null>(null);
  const [selfDelegation, setSelfDelegation] = useState("");
  const [broadcast, setBroadcast] = useState<BroadcastResult | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    api.config().then(setConfig, (e) => setConnectError(`The portal cannot reach the server: ${e instanceof Error ? e.message : e}`));
  }, [api]);

  const connectWallet = async () => {
    if (!config) return;
    setConnectError(null);
    setConnecting(true);
    try {
      const key = await connect(config);
      const { message } = await api.challenge(key.bech32Address);
      let signature;
      try {
        signature = await keplr().signArbitrary(config.chain.chainId, key.bech32Address, message);
      } catch (e) {
        throw walletError(e);
      }
      const { accessToken } = await api.login({
        walletAddress: key.bech32Address,
        pubKey: signature.pub_key,
        signature: signature.signature,
        message,
      });
      const authed = api.withToken(accessToken);
      setSession({ api: authed, key });
      // resume the newest live setup, if any
      const page = await authed.walletPage(key.bech32Address, 1);
      const newest = page.items[0];
      setCurrent(newest && isLive(newest.setupRequest.status) ? { setupRequest: newest.setupRequest, node: newest.node } : null);
      setLoaded(true);
    } catch (e) {
      setConnectError(e instanceof Error ? e.message : String(e));
    } finally {
      setConnecting(false);
    }
  };

  // follow the current setup: server-sent events, polling while the stream is unavailable
  const currentId = current?.setupRequest.id;
  useEffect(() => {
    if (!session || !currentId) return;
    let lastStatus: string | undefined;
    return follow<SetupWithNode>({
      open: (signal) => session.api.openEvents(currentId, signal),
      poll: () => session.api.setup(currentId),
      onUpdate: (v) => {
        setCurrent(v);
        if (v.setupRequest.status !== lastStatus) {
          lastStatus = v.setupRequest.status;
          setRefreshKey((k) => k + 1);
        }
      },
      isFinal: (v) => TERMINAL.has(v.setupRequest.status),
    });
  }, [session, currentId]);

  const onCreated = useCallback((setup: SetupRequest, values: { selfDelegation: string }) => {
    setSelfDelegation(values.selfDelegation);
    setBroadcast(null);
    setCurrent({ setupRequest: setup, node: null });
    setRefreshKey((k) => k + 1);
  }, []);

  const status = current?.setupRequest.status;
  const showForm = session && loaded && (!current || !isLive(current.setupRequest.status));
  return (
    <main>
      <header>
        <h1>Omniphi validator portal</h1>
        {session ? (
          <p className="mono">
            Signed in as {session.key.bech32Address}
            {session.key.isNanoLedger ? " (Ledger: transactions are signed as amino JSON)" : ""}
          </p>
        ) : (
          <button type="button" onClick={() => void connectWallet()} disabled={!config || connecting}>
            Connect wallet
          </button>
        )}
        {connectError && (
          <p className="error" role="alert">
            {connectError}
          </p>
        )}
      </header>
      {session && config && (
        <>
          <div role="status" aria-live="polite" className="status">
            {current ? describeStatus(current.setupRequest.status, current.setupRequest.failureReason) : "No setup in progress."}
            {current?.node && status !== "stopped"
              ? ` Node ${current.node.status}, height ${current.node.lastBlockHeight ?? "unknown"}.`
              : ""}
          </div>
          {showForm && (
            <SetupForm api={session.api} config={config} walletAddress={session.key.bech32Address} onCreated={onCreated} />
          )}
          {current && current.setupRequest.runMode === "local" && (status === "pending" || status === "ready_for_chain_tx") && (
            <LocalAgentStep api={session.api} config={config} setup={current.setupRequest} />
          )}
          {current && (status === "ready_for_chain_tx" || status === "tx_submitted") && !broadcast && (
            <ReviewAndSign
              api={session.api}
              config={config}
              setup={current.setupRequest}
              signer={session.key.bech32Address}
              isLedger={session.key.isNanoLedger}
              selfDelegation={selfDelegation}
              onBroadcast={setBroadcast}
            />
          )}
          {broadcast && (
            <p aria-live="polite">
              Transaction broadcast: <span className="mono">{broadcast.txHash}</span>
            </p>
          )}
          <Dashboard
            api={session.api}
            walletAddress={session.key.bech32Address}
            isLedger={session.key.isNanoLedger}
            refreshKey={refreshKey}
            onStopped={() => setRefreshKey((k) => k + 1)}
          />
        </>
      )}
    </main>
  );
}
