// Browser journeys of the portal against the running local stack (./dev test starts it for the e2e stage):
// headless Debian Chromium driven by playwright-core, a test wallet injected as window.keplr (CosmJS underneath,
// tools/cosmjs/keplr-double.mjs), a fresh funded devnet account per journey. Every step is screenshotted into
// target/e2e-report/ (index.html lists them, report.json has the same data). A journey fails on a page error (an
// uncaught exception), a console error logged by the page's own code, an HTTP answer >= 400 other than 502/503/504 (a
// busy downstream service, which the portal retries), a failed request other than an aborted one, or an error message
// (role alert) left on the page after a step. Every journey runs (one failing does not hide the others); the exit code
// is 1 if any failed. Waits are on conditions only (no fixed sleeps), each bounded by a generous timeout.
//
//   node e2e/run.mjs [cloud-direct] [cloud-ledger] [local]      (default: all three)
//   PORTAL_URL (https://localhost:8443/), DEVNET_RPC (http://127.0.0.1:26657), CHROMIUM (/usr/bin/chromium),
//   E2E_STEP_TIMEOUT_MS (240000: the longest wait of one step, e.g. provisioning on a loaded 2-core machine)
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { keplrDouble, PAGE_SCRIPT, randomMnemonic } from "../../tools/cosmjs/keplr-double.mjs";
import { localAgent } from "./local-agent.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const REPORT = resolve(HERE, "../target/e2e-report");
const PORTAL_URL = process.env.PORTAL_URL ?? "https://localhost:8443/";
const DEVNET_RPC = process.env.DEVNET_RPC ?? "http://127.0.0.1:26657";
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const STEP_TIMEOUT = Number(process.env.E2E_STEP_TIMEOUT_MS ?? 240_000);
/**
 * Self-delegation the journeys bond, in OMNI (display units, 6 decimals). The devnet's power reduction is 10^6
 * omniphi per unit of voting power (cosmos-sdk x/staking DefaultPowerReduction), so the dashboard must show 2000.
 */
const SELF_DELEGATION = "2000";
const EXPECTED_POWER = 2000;
/** Faucet amount in omniphi: the self-delegation plus fees, with room to spare. */
const FUNDS = "5000000000";
/** HTTP answers that say "busy, try again": the portal retries them, so they do not fail a journey (they are reported). */
const TRANSIENT_STATUS = new Set([502, 503, 504]);

async function faucet(address, amount) {
  const res = await fetch(`${DEVNET_RPC}/faucet`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ address, amount: { denom: "omniphi", amount } }),
  });
  if (!res.ok) throw new Error(`faucet answered ${res.status}: ${await res.text()}`);
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

class Journey {
  constructor(name) {
    this.name = name;
    this.steps = [];
    /** What fails the journey besides a failed step: page errors, console errors of the page's code, bad answers. */
    this.problems = [];
    /** Observed and tolerated: transient answers the portal retries, resource-load messages Chromium logs for them. */
    this.notes = [];
    this.failure = null;
    this.ms = 0;
    this.dir = join(REPORT, name);
    mkdirSync(this.dir, { recursive: true });
  }

  /** Runs one step, screenshots the page after it, and checks that the page shows no error message then. */
  async step(page, title, action) {
    const started = Date.now();
    const n = String(this.steps.length + 1).padStart(2, "0");
    const file = `${n}-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}.png`;
    const entry = { title, file: `${this.name}/${file}`, ok: false, ms: 0, error: null };
    this.steps.push(entry);
    try {
      await action();
      const alerts = (await page.getByRole("alert").allInnerTexts()).map((t) => t.trim()).filter((t) => t !== "");
      if (alerts.length > 0) throw new Error(`the page shows an error: ${alerts.join(" | ")}`);
      entry.ok = true;
    } catch (e) {
      entry.error = e instanceof Error ? e.message : String(e);
      throw e;
    } finally {
      entry.ms = Date.now() - started;
      await page.screenshot({ path: join(this.dir, file), fullPage: true }).catch(() => {});
      console.log(`[e2e] ${this.name} ${n} ${title}: ${entry.ok ? "ok" : `FAILED: ${entry.error}`} (${entry.ms} ms)`);
    }
  }
}

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A fresh Chromium with a new empty profile (--user-data-dir, which Playwright sets from the first argument). */
async function openPortal(journey, wallet) {
  const profile = mkdtempSync(join(tmpdir(), "omniphi-portal-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    ignoreHTTPSErrors: true,
    viewport: { width: 1100, height: 900 },
  });
  context.setDefaultTimeout(STEP_TIMEOUT);
  await context.exposeFunction("__keplrDouble", (method, args) => wallet.handle(method, args));
  await context.addInitScript(PAGE_SCRIPT);
  const page = context.pages()[0] ?? (await context.newPage());
  let closing = false;
  page.on("pageerror", (e) => journey.problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    // Chromium logs every answer >= 400 as "Failed to load resource"; those are judged by status below
    if (m.text().startsWith("Failed to load resource")) journey.notes.push(`console: ${m.text()} (${m.location().url})`);
    else journey.problems.push(`console error: ${m.text()}`);
  });
  page.on("response", (r) => {
    if (r.status() < 400) return;
    const what = `${r.request().method()} ${new URL(r.url()).pathname} answered ${r.status()}`;
    if (TRANSIENT_STATUS.has(r.status())) journey.notes.push(`${what} (transient; the portal retries)`);
    else journey.problems.push(what);
  });
  page.on("requestfailed", (r) => {
    const reason = r.failure()?.errorText ?? "unknown";
    const what = `${r.method()} ${r.url()} failed: ${reason}`;
    // a stream the page closes itself (the status follower stopping) is aborted, as is everything when the page closes
    if (closing || reason === "net::ERR_ABORTED") journey.notes.push(what);
    else journey.problems.push(what);
  });
  return {
    page,
    async close() {
      closing = true;
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

function statusIs(page, status) {
  return page.getByRole("status").filter({ hasText: new RegExp(`Status: ${status}\\b`) }).waitFor();
}

async function connectAndCreate(page, journey, name, runMode) {
  await journey.step(page, "Open the portal", async () => {
    await page.goto(PORTAL_URL);
    await page.getByRole("button", { name: "Connect wallet" }).waitFor();
  });
  await journey.step(page, "Connect wallet", async () => {
    const connect = page.getByRole("button", { name: "Connect wallet" });
    // enabled once the page has the chain's config (GET /api/v1/config)
    await page.waitForFunction(() => {
      const b = [...document.querySelectorAll("button")].find((x) => x.textContent === "Connect wallet");
      return b !== undefined && !b.disabled;
    });
    await connect.click();
    await page.getByRole("status").filter({ hasText: "No setup in progress" }).waitFor();
    await page.getByText(/^Signed in as omni1/).waitFor();
  });
  await journey.step(page, "Fill in the validator profile", async () => {
    await page.getByRole("textbox", { name: "Validator name", exact: true }).fill(name);
    await page.getByRole("textbox", { name: "Website", exact: true }).fill("https://validator.example.org");
    await page.getByRole("textbox", { name: "Description", exact: true }).fill(`Browser journey ${journey.name}`);
    await page.getByRole("textbox", { name: "Commission rate (%)", exact: true }).fill("10");
    await page.getByRole("textbox", { name: "Self-delegation", exact: true }).fill(SELF_DELEGATION);
    const radio = page.getByRole("radio", { name: runMode === "cloud" ? "Cloud" : "Local", exact: true });
    await radio.check();
    if (!(await radio.isChecked())) throw new Error(`the ${runMode} radio is not checked`);
  });
  await journey.step(page, "Create validator", async () => {
    await page.getByRole("button", { name: "Create validator" }).click();
    await page.getByRole("status").filter({ hasText: /Status: (pending|provisioning|ready_for_chain_tx)\b/ }).waitFor();
    await page.getByRole("listitem", { name: `Validator ${name}` }).waitFor();
  });
}

/** Resolves when the button with exactly this text is shown and enabled. */
function buttonEnabled(page, text) {
  return page.waitForFunction((t) => {
    const b = [...document.querySelectorAll("button")].find((x) => x.textContent === t);
    return b !== undefined && !b.disabled;
  }, text);
}

async function reviewShown(page) {
  await statusIs(page, "ready_for_chain_tx");
  await page.getByRole("button", { name: "Sign and broadcast" }).waitFor();
  await buttonEnabled(page, "Sign and broadcast");
  const review = page.getByRole("table", { name: "What you will sign" });
  for (const row of ["Operator address", "Consensus public key", "Commission rate", "Maximum rate", "Maximum change rate", "Self-delegation", "Fee", "Gas", "Sign mode", "Balance", "Consensus key", "Active set"]) {
    await review.getByRole("rowheader", { name: row, exact: true }).waitFor();
  }
  await page.getByText(/can never be changed/).waitFor();
  return review;
}

async function signToActiveAndStop(page, journey, name, ledger) {
  await journey.step(page, "Review what will be signed", async () => {
    const review = await reviewShown(page);
    const mode = await review.getByRole("row", { name: /^Sign mode/ }).innerText();
    if (!mode.includes(ledger ? "amino JSON (Ledger)" : "direct")) throw new Error(`unexpected sign mode row: ${mode}`);
    const selfDelegation = await review.getByRole("row", { name: /^Self-delegation/ }).innerText();
    if (!selfDelegation.includes(`${SELF_DELEGATION} OMNI`)) throw new Error(`unexpected self-delegation row: ${selfDelegation}`);
  });
  await journey.step(page, "Sign and broadcast", async () => {
    await page.getByRole("button", { name: "Sign and broadcast" }).click();
    await page.getByText(/^Transaction broadcast: [0-9A-F]{64}$/).waitFor();
  });
  await journey.step(page, "Reach active", async () => {
    await statusIs(page, "active");
  });
  const row = page.getByRole("listitem", { name: `Validator ${name}` });
  await journey.step(page, "See voting power", async () => {
    await page.waitForFunction(
      ({ n, power }) => {
        const li = [...document.querySelectorAll("li")].find((x) => x.getAttribute("aria-label") === `Validator ${n}`);
        const dt = li && [...li.querySelectorAll("dt")].find((d) => d.textContent === "Voting power");
        return dt !== undefined && Number(dt.nextElementSibling.textContent) === power;
      },
      { n: name, power: EXPECTED_POWER },
    );
  });
  await journey.step(page, "Stop validator asks for confirmation", async () => {
    await row.getByRole("button", { name: "Stop validator" }).click();
    const dialog = page.getByRole("dialog", { name: `Stop ${name}?` });
    await dialog.waitFor();
    await dialog.getByText(/jailed/).waitFor();
  });
  await journey.step(page, "Confirm stop and reach stopped", async () => {
    await page.getByRole("dialog").getByRole("button", { name: "Stop", exact: true }).click();
    await statusIs(page, "stopped");
    if ((await page.getByRole("dialog").count()) !== 0) throw new Error("the dialog is still open");
  });
}

async function cloudJourney(journey, ledger) {
  const wallet = await keplrDouble({ mnemonic: randomMnemonic(), prefix: "omni", ledger });
  await faucet(wallet.address, FUNDS);
  const { page, close } = await openPortal(journey, wallet);
  const name = `e2e-${ledger ? "ledger" : "direct"}-${wallet.address.slice(-6)}`;
  try {
    await connectAndCreate(page, journey, name, "cloud");
    await signToActiveAndStop(page, journey, name, ledger);
    const signing = wallet.calls.filter((c) => c.method === "signDirect" || c.method === "signAmino");
    const expected = ledger ? "signAmino" : "signDirect";
    if (signing.length !== 1 || signing[0].method !== expected) {
      throw new Error(`expected one ${expected} call, saw ${JSON.stringify(signing)}`);
    }
    if (!signing[0].options?.preferNoSetFee || !signing[0].options?.preferNoSetMemo) {
      throw new Error("the portal must ask Keplr to keep the server's fee and memo (preferNoSetFee/preferNoSetMemo)");
    }
  } finally {
    await close();
  }
}

async function localJourney(journey) {
  const wallet = await keplrDouble({ mnemonic: randomMnemonic(), prefix: "omni", ledger: false });
  await faucet(wallet.address, FUNDS);
  const agent = await localAgent({ log: join(journey.dir, "agent.log"), timeoutMs: STEP_TIMEOUT });
  try {
    const { page, close } = await openPortal(journey, wallet);
    const name = `e2e-local-${wallet.address.slice(-6)}`;
    try {
      await connectAndCreate(page, journey, name, "local");
      await journey.step(page, "Local agent instructions and key link", async () => {
        await page.getByRole("heading", { name: "Run the node on your machine" }).waitFor();
        await page.getByText(/Key linked/).waitFor();
      });
      await journey.step(page, "First heartbeat: ready_for_chain_tx", async () => {
        await statusIs(page, "ready_for_chain_tx");
        await page.getByText("Key linked and heartbeat received.").waitFor();
        await reviewShown(page);
        const status = await agent.status();
        if (status.setupRequestId === undefined || status.walletAddress !== wallet.address) {
          throw new Error(`the agent does not name this wallet and setup: ${JSON.stringify(status)}`);
        }
        const key = await page
          .getByRole("table", { name: "What you will sign" })
          .getByRole("row", { name: /^Consensus public key/ })
          .innerText();
        if (!key.includes(status.consensusPubkey)) {
          throw new Error(`the review shows another consensus key than the agent's ${status.consensusPubkey}: ${key}`);
        }
      });
    } finally {
      await close();
    }
  } finally {
    await agent.stop();
  }
}

function writeReport(journeys) {
  const failed = journeys.filter((j) => j.failure);
  const list = (items) => (items.length === 0 ? "none" : `<ul>${items.map((x) => `<li>${escapeHtml(x)}</li>`).join("")}</ul>`);
  const rows = journeys
    .map(
      (j) =>
        `<h2>${escapeHtml(j.name)}: ${j.failure ? `FAILED — ${escapeHtml(j.failure)}` : "passed"} (${(j.ms / 1000).toFixed(1)} s)</h2>` +
        `<p>problems (each fails the journey): ${list(j.problems)}</p>` +
        `<p>tolerated (transient answers the portal retries, aborted requests): ${list(j.notes)}</p>` +
        j.steps
          .map(
            (s) =>
              `<figure><figcaption>${s.ok ? "✔" : "✘"} ${escapeHtml(s.title)} (${s.ms} ms)${s.error ? ` — ${escapeHtml(s.error)}` : ""}</figcaption>` +
              `<img src="${escapeHtml(s.file)}" width="550" alt="${escapeHtml(s.title)}"></figure>`,
          )
          .join("\n"),
    )
    .join("\n");
  writeFileSync(
    join(REPORT, "index.html"),
    `<!doctype html><meta charset="utf-8"><title>Portal browser journeys</title><h1>Portal browser journeys</h1>` +
      `<p>${failed.length > 0 ? `FAILED: ${escapeHtml(failed.map((j) => j.name).join(", "))}` : `all ${journeys.length} journeys passed`}</p>${rows}`,
  );
  writeFileSync(join(REPORT, "report.json"), JSON.stringify({ passed: failed.length === 0, journeys }, null, 1));
}

const JOURNEYS = {
  "cloud-direct": (j) => cloudJourney(j, false),
  "cloud-ledger": (j) => cloudJourney(j, true),
  local: (j) => localJourney(j),
};

async function main() {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !(w in JOURNEYS));
  if (unknown.length > 0) throw new Error(`unknown journey ${unknown.join(", ")}; known: ${Object.keys(JOURNEYS).join(", ")}`);
  rmSync(REPORT, { recursive: true, force: true });
  mkdirSync(REPORT, { recursive: true });
  const journeys = [];
  for (const [name, run] of Object.entries(JOURNEYS)) {
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    const journey = new Journey(name);
    journeys.push(journey);
    const started = Date.now();
    try {
      await run(journey);
      if (journey.problems.length > 0) throw new Error(journey.problems.join(" | "));
    } catch (e) {
      journey.failure = e instanceof Error ? e.message : String(e);
    }
    journey.ms = Date.now() - started;
    console.log(`[e2e] ${name}: ${journey.failure ? `FAILED: ${journey.failure}` : "passed"} in ${(journey.ms / 1000).toFixed(1)} s`);
    for (const note of journey.notes) console.log(`[e2e] ${name} tolerated: ${note}`);
  }
  writeReport(journeys);
  console.log(`[e2e] report: ${join(REPORT, "index.html")}`);
  const failed = journeys.filter((j) => j.failure);
  if (failed.length > 0) {
    console.error(`[e2e] FAILED: ${failed.map((j) => `${j.name} (${j.failure})`).join("; ")}`);
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
