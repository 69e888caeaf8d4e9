import { useEffect, useRef, useState } from "react";
import { ApiError, type Api, type PublicConfig, type SetupRequest } from "./api";

interface Props {
  api: Api;
  config: PublicConfig;
  setup: SetupRequest;
  /** For tests: how long to wait between attempts to reach the agent. */
  retryMs?: number;
}

type LinkState = "waiting-for-agent" | "linking" | "linked" | "error";

/**
 * Local mode: the user's machine runs the node through the local agent. The portal asks the agent's bridge on
 * 127.0.0.1 for the consensus-key link proof and submits it with the user's token (DESIGN.md "Local mode key link"):
 * the token never leaves the browser and the key never leaves the user's machine. It retries until the agent answers,
 * then waits for the node's first heartbeat (the setup moves to ready_for_chain_tx).
 */
export function LocalAgentStep({ api, config, setup, retryMs = 3000 }: Props) {
  const [state, setState] = useState<LinkState>(setup.consensusPubkey ? "linked" : "waiting-for-agent");
  const [message, setMessage] = useState<string | null>(null);
  const stopped = useRef(false);
  const bridge = config.localAgent.bridgeUrl;

  useEffect(() => {
    stopped.current = false;
    if (setup.consensusPubkey || state === "linked") return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = async () => {
      if (stopped.current) return;
      let proof: { consensusPubkey: string; signature: string };
      try {
        const res = await fetch(`${bridge}/link-proof`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({
            setupRequestId: setup.id,
            walletAddress: setup.walletAddress,
            chainId: config.chain.chainId,
          }),
        });
        if (!res.ok) throw new Error(`the agent answered ${res.status}`);
        proof = (await res.json()) as { consensusPubkey: string; signature: string };
      } catch (e) {
        setState("waiting-for-agent");
        setMessage(`The local agent is not reachable at ${bridge} yet (${e instanceof Error ? e.message : String(e)}).`);
        timer = setTimeout(() => void attempt(), retryMs);
        return;
      }
      setState("linking");
      try {
        await api.linkConsensusKey(setup.id, proof);
        setState("linked");
        setMessage(null);
      } catch (e) {
        setState("error");
        setMessage(e instanceof ApiError ? e.message : String(e));
      }
    };
    void attempt();
    return () => {
      stopped.current = true;
      if (timer) clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [setup.id, setup.consensusPubkey]);

  return (
    <section aria-labelledby="local-title">
      <h2 id="local-title">Run the node on your machine</h2>
      <ol>
        <li>
          Install the Omniphi desktop app (the local agent), or from a checkout of this project run{" "}
          <code>./dev agent init</code> once.
        </li>
        <li>
          Start it: <code>./dev agent run</code>. It keeps the node's key encrypted on your machine and listens on{" "}
          <code>{bridge}</code> for this page only.
        </li>
        <li>This page then links the node's key to this setup; no key and no token leaves either side.</li>
      </ol>
      <p aria-live="polite">
        {state === "waiting-for-agent" && "Waiting for the local agent…"}
        {state === "linking" && "Linking your node's key to this setup…"}
        {state === "linked" && setup.status === "pending" && "Key linked. Waiting for the first heartbeat from your node…"}
        {state === "linked" && setup.status !== "pending" && "Key linked and heartbeat received."}
        {state === "error" && "The key could not be linked."}
      </p>
      {message && <p className={state === "error" ? "error" : "hint"}>{message}</p>}
    </section>
  );
}
