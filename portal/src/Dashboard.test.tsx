import { render, screen, within } from "@testing-library/react";
import type { Api, WalletValidator } from "./api";
import { Dashboard } from "./Dashboard";
import { setup, WALLET } from "./fixtures";

// The owner sees how close the validator is to a downtime jail, when an unjail is possible, and why the last unjail
// failed (chainInfo.jailBudget and setupRequest.failureReason of the by-wallet answer, issue 15 items 10 and 11).

function validator(chainInfo: WalletValidator["chainInfo"], extra: Record<string, unknown> = {}): WalletValidator {
  return {
    setupRequest: setup(chainInfo?.jailed ? "inactive" : "active", extra) as WalletValidator["setupRequest"],
    node: { id: "n", status: "running", provider: "omniphi_cloud", rpcEndpoint: null, lastBlockHeight: 120, lastHealthCheck: null },
    chainInfo,
    heartbeat: null,
  };
}

const BUDGET = {
  consensusAddress: "omnivalcons1x",
  signedBlocksWindow: 100,
  maxMissedBlocks: 50,
  missedBlocks: 20,
  missesLeftBlocks: 30,
  missesLeftMinutes: 2,
  usedPercent: 40,
  jailedUntil: null,
  tombstoned: false,
};

function show(v: WalletValidator) {
  const api = { walletPage: vi.fn(async () => ({ items: [v], nextCursor: null })) } as unknown as Api;
  render(<Dashboard api={api} walletAddress={WALLET} isLedger={false} refreshKey={0} onStopped={() => {}} />);
}

describe("Dashboard jail budget", () => {
  it("shows the misses left before a downtime jail", async () => {
    show(validator({ isActiveValidator: true, votingPower: 2000, jailed: false, operatorAddress: "omnivaloper1x", txHash: null, jailBudget: BUDGET }));
    const item = await screen.findByRole("listitem", { name: "Validator orion" });
    expect(within(item).getByText("30 of 50 missed blocks left (about 2 min), 40 % used")).toBeInTheDocument();
    expect(within(item).queryByRole("button", { name: "Unjail" })).toBeNull();
  });

  it("shows until when a jailed validator stays jailed, the unjail button and why the last unjail failed", async () => {
    const until = new Date(Date.now() + 600_000).toISOString();
    const reason = "Unjail transaction AB failed: STILL_JAILED (slashing 4): validator still jailed; cannot be unjailed."
      + " The validator is still jailed; build and sign a new unjail transaction once the cause is fixed.";
    show(validator({ isActiveValidator: false, votingPower: 0, jailed: true, operatorAddress: "omnivaloper1x", txHash: null,
      jailBudget: { ...BUDGET, missedBlocks: 0, missesLeftBlocks: 50, usedPercent: 0, jailedUntil: until } }, { failureReason: reason }));
    const item = await screen.findByRole("listitem", { name: "Validator orion" });
    expect(within(item).getByText(new RegExp(`^jailed until ${escape(new Date(until).toLocaleString())}`))).toBeInTheDocument();
    expect(within(item).getByText(reason)).toBeInTheDocument();
    expect(within(item).getByRole("button", { name: "Unjail" })).toBeInTheDocument();
  });

  it("says when a tombstoned validator can never be unjailed", async () => {
    show(validator({ isActiveValidator: false, votingPower: 0, jailed: true, operatorAddress: "omnivaloper1x", txHash: null,
      jailBudget: { ...BUDGET, tombstoned: true, jailedUntil: "9999-12-31T23:59:59Z" } }));
    const item = await screen.findByRole("listitem", { name: "Validator orion" });
    expect(within(item).getByText("tombstoned (double sign): it can never be unjailed")).toBeInTheDocument();
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
