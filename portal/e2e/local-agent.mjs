// The local agent of this checkout (docs/local-agent.md) for the local browser journey: a fresh home, `init`, then
// `run` in the background; the bridge on 127.0.0.1:15000 answers the portal's link-proof request. Stopped with
// SIGTERM (the agent stops its node and deletes the node's key file). Test passphrase, test home, deleted afterwards.
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const BRIDGE = "http://127.0.0.1:15000";

async function bridgeUp() {
  try {
    return (await fetch(`${BRIDGE}/health`)).ok;
  } catch {
    return false;
  }
}

/**
 * @param {{log: string, timeoutMs?: number}} options where the agent's output goes; how long its bridge may take to
 *   come up (the agent opens its key with scrypt and starts a JVM: seconds, more on a loaded machine)
 */
export async function localAgent({ log, timeoutMs = 240_000 }) {
  if (await bridgeUp()) throw new Error(`something already answers on ${BRIDGE}: stop that agent first`);
  const home = mkdtempSync(join(tmpdir(), "omniphi-agent-e2e-"));
  const env = { ...process.env, OMNIPHI_AGENT_HOME: home, OMNIPHI_AGENT_PASSPHRASE: `e2e-${process.pid}-passphrase` };
  const init = spawnSync(join(ROOT, "dev"), ["agent", "init", "--moniker", "e2e-local"], { env, encoding: "utf8" });
  if (init.status !== 0) throw new Error(`agent init failed: ${init.stderr || init.stdout}`);
  const out = createWriteStream(log);
  const child = spawn(join(ROOT, "dev"), ["agent", "run"], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const deadline = Date.now() + timeoutMs;
  // a condition poll (the bridge answering), not a fixed sleep: each round waits at most 500 ms or until the agent exits
  const exited = new Promise((r) => child.once("exit", r));
  while (!(await bridgeUp())) {
    if (child.exitCode !== null) {
      rmSync(home, { recursive: true, force: true });
      throw new Error(`agent run exited with ${child.exitCode} (see ${log})`);
    }
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      rmSync(home, { recursive: true, force: true });
      throw new Error(`the agent's bridge did not answer within ${timeoutMs / 1000} s (see ${log})`);
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 500))]);
  }
  return {
    /** The bridge's GET /status: public facts (consensus key, linked wallet and setup, heartbeats). */
    async status() {
      const res = await fetch(`${BRIDGE}/status`);
      if (!res.ok) throw new Error(`the agent's /status answered ${res.status}`);
      return res.json();
    },
    async stop() {
      if (child.exitCode === null) {
        // SIGTERM: the agent stops its node (and deletes the node's key file) before it exits
        child.kill("SIGTERM");
        let timer;
        const gone = await Promise.race([
          exited.then(() => true),
          new Promise((r) => {
            timer = setTimeout(() => r(false), 60_000);
          }),
        ]);
        clearTimeout(timer);
        if (!gone) child.kill("SIGKILL");
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}
