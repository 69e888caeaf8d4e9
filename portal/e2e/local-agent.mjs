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

export async function localAgent({ log }) {
  if (await bridgeUp()) throw new Error(`something already answers on ${BRIDGE}: stop that agent first`);
  const home = mkdtempSync(join(tmpdir(), "omniphi-agent-e2e-"));
  const env = { ...process.env, OMNIPHI_AGENT_HOME: home, OMNIPHI_AGENT_PASSPHRASE: `e2e-${process.pid}-passphrase` };
  const init = spawnSync(join(ROOT, "dev"), ["agent", "init", "--moniker", "e2e-local"], { env, encoding: "utf8" });
  if (init.status !== 0) throw new Error(`agent init failed: ${init.stderr || init.stdout}`);
  const out = createWriteStream(log);
  const child = spawn(join(ROOT, "dev"), ["agent", "run"], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const deadline = Date.now() + 120_000;
  while (!(await bridgeUp())) {
    if (child.exitCode !== null) throw new Error(`agent run exited with ${child.exitCode} (see ${log})`);
    if (Date.now() > deadline) throw new Error(`the agent's bridge did not answer within 120 s (see ${log})`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        const until = Date.now() + 30_000;
        while (child.exitCode === null && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}
