// Setup statuses of DESIGN.md and the words the portal says about them. The role=status element always includes the
// status name itself (tests and screen-reader users can rely on it).

export const TERMINAL = new Set(["stopped", "failed"]);
export const LIVE_ORDER = ["pending", "provisioning", "ready_for_chain_tx", "tx_submitted", "active"];

const WORDS: Record<string, string> = {
  pending: "your request is recorded; a node is being prepared",
  provisioning: "your validator node is starting and syncing",
  ready_for_chain_tx: "the node is ready; review and sign the create-validator transaction",
  tx_submitted: "the transaction is on its way into a block",
  active: "your validator is bonded and in the active set",
  inactive: "your validator exists but is outside the active set (set full, unbonding or jailed)",
  stopping: "the node is being stopped",
  stopped: "the node is stopped",
  failed: "the setup failed",
};

export function describeStatus(status: string, failureReason?: string | null): string {
  const words = WORDS[status] ?? "unknown state";
  const reason = status === "failed" && failureReason ? `: ${failureReason}` : "";
  const text = `Status: ${status} — ${words}${reason}`;
  // a sentence, so that what follows it in the status line ("Node running, ...") reads as the next one
  return text.endsWith(".") ? text : `${text}.`;
}

export function isLive(status: string): boolean {
  return !TERMINAL.has(status);
}

export function canStop(status: string): boolean {
  return status !== "stopping" && !TERMINAL.has(status);
}
