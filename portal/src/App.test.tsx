import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Api } from "./api";
import { App } from "./App";
import { CONFIG, json, setup, WALLET } from "./fixtures";
import type { Keplr } from "./wallet";

function fakeKeplr(overrides: Partial<Keplr> = {}): Keplr {
  return {
    experimentalSuggestChain: vi.fn(async () => {}),
    enable: vi.fn(async () => {}),
    getKey: vi.fn(async () => ({
      name: "test",
      algo: "secp256k1",
      pubKey: new Uint8Array(33),
      address: new Uint8Array(20),
      bech32Address: WALLET,
      isNanoLedger: false,
    })),
    signArbitrary: vi.fn(async () => ({ pub_key: { type: "tendermint/PubKeySecp256k1", value: "AAAA" }, signature: "c2ln" })),
    signDirect: vi.fn(),
    signAmino: vi.fn(),
    ...overrides,
  } as Keplr;
}

/** A gateway double that answers by route; the event stream is unavailable, so the page polls. */
function gateway(routes: Record<string, () => Response>) {
  return vi.fn(async (url: string | URL | Request) => {
    const u = String(url);
    for (const [prefix, answer] of Object.entries(routes)) if (u.startsWith(prefix)) return answer();
    return json(404, { title: "Not found", status: 404 }, "application/problem+json");
  });
}

afterEach(() => {
  delete window.keplr;
});

describe("App", () => {
  it("says clearly when no wallet is installed", async () => {
    const fetchImpl = gateway({ "/api/v1/config": () => json(200, CONFIG) });
    render(<App api={new Api("", null, fetchImpl as unknown as typeof fetch)} />);
    const button = screen.getByRole("button", { name: "Connect wallet" });
    await waitFor(() => expect(button).toBeEnabled());
    await userEvent.click(button);
    expect(await screen.findByRole("alert")).toHaveTextContent(/No Keplr wallet found/);
  });

  it("fetches the config once however often the page renders (no client per render)", async () => {
    window.keplr = fakeKeplr();
    const fetchImpl = gateway({
      "/api/v1/config": () => json(200, CONFIG),
      "/api/v1/auth/challenge": () => json(200, { nonce: "n", message: "sign me", expiresAt: "x" }),
      "/api/v1/auth/login": () => json(200, { accessToken: "tok", expiresAt: "x" }),
      "/api/v1/validators/by-wallet/": () => json(200, { items: [], nextCursor: null }),
    });
    vi.stubGlobal("fetch", fetchImpl);
    try {
      const { rerender } = render(<App />);
      await waitFor(() => expect(screen.getByRole("button", { name: "Connect wallet" })).toBeEnabled());
      await userEvent.click(screen.getByRole("button", { name: "Connect wallet" }));
      expect(await screen.findByRole("status")).toHaveTextContent("No setup in progress");
      rerender(<App />);
      await userEvent.type(screen.getByRole("textbox", { name: "Validator name" }), "orion");
      const configCalls = fetchImpl.mock.calls.filter(([u]) => String(u).startsWith("/api/v1/config"));
      expect(configCalls).toHaveLength(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("says clearly when the user rejects the login signature", async () => {
    window.keplr = fakeKeplr({ signArbitrary: vi.fn(async () => Promise.reject(new Error("Request rejected"))) });
    const fetchImpl = gateway({
      "/api/v1/config": () => json(200, CONFIG),
      "/api/v1/auth/challenge": () => json(200, { nonce: "n", message: "sign me", expiresAt: "2026-12-03T16:05:00Z" }),
    });
    render(<App api={new Api("", null, fetchImpl as unknown as typeof fetch)} />);
    await waitFor(() => expect(screen.getByRole("button", { name: "Connect wallet" })).toBeEnabled());
    await userEvent.click(screen.getByRole("button", { name: "Connect wallet" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(/You rejected the request/);
  });

  it("suggests the chain, logs in by ADR-036, then resumes the live setup and offers stop with a confirmation", async () => {
    const k = fakeKeplr();
    window.keplr = k;
    const stops: string[] = [];
    let status = "active";
    const row = () => ({
      setupRequest: setup(status),
      node: { id: "n", status: "running", provider: "omniphi_cloud", rpcEndpoint: null, lastBlockHeight: 42, lastHealthCheck: null },
      chainInfo: { isActiveValidator: true, votingPower: 1000, jailed: false, operatorAddress: null, txHash: null },
      heartbeat: null,
    });
    const fetchImpl = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      const u = String(url);
      if (u.startsWith("/api/v1/config")) return json(200, CONFIG);
      if (u.startsWith("/api/v1/auth/challenge")) return json(200, { nonce: "n", message: "sign me", expiresAt: "x" });
      if (u.startsWith("/api/v1/auth/login")) {
        expect(JSON.parse(init!.body as string)).toEqual({
          walletAddress: WALLET,
          pubKey: { type: "tendermint/PubKeySecp256k1", value: "AAAA" },
          signature: "c2ln",
          message: "sign me",
        });
        return json(200, { accessToken: "tok", expiresAt: "x" });
      }
      if (u.startsWith("/api/v1/validators/by-wallet/")) return json(200, { items: [row()], nextCursor: null });
      if (u.endsWith("/events")) return json(503, { title: "unavailable", status: 503 }, "application/problem+json");
      if (u.startsWith("/api/v1/validators/setup-requests/")) return json(200, { setupRequest: setup(status), node: row().node });
      if (u.startsWith("/api/v1/validators/stop")) {
        stops.push(JSON.parse(init!.body as string).setupRequestId);
        status = "stopping";
        return json(202, { setupRequest: setup("stopping") });
      }
      return json(404, { title: "Not found", status: 404 }, "application/problem+json");
    });
    render(<App api={new Api("", null, fetchImpl as unknown as typeof fetch)} />);
    await waitFor(() => expect(screen.getByRole("button", { name: "Connect wallet" })).toBeEnabled());
    await userEvent.click(screen.getByRole("button", { name: "Connect wallet" }));

    expect(await screen.findByRole("status")).toHaveTextContent(
      "Status: active — your validator is bonded and in the active set. Node running, height 42.",
    );
    expect(k.experimentalSuggestChain).toHaveBeenCalledWith(expect.objectContaining({ chainId: "omniphi-devnet-1" }));
    expect(k.enable).toHaveBeenCalledWith("omniphi-devnet-1");
    expect(screen.queryByRole("button", { name: "Create validator" })).not.toBeInTheDocument();
    const validator = await screen.findByRole("listitem", { name: "Validator orion" });
    expect(within(validator).getByText("1000")).toBeInTheDocument();

    await userEvent.click(within(validator).getByRole("button", { name: "Stop validator" }));
    const dialog = screen.getByRole("dialog");
    expect(dialog).toHaveAccessibleDescription(/jailed/);
    expect(within(dialog).getByRole("button", { name: "Cancel" })).toHaveFocus();
    await userEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(stops).toEqual([]);
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(within(validator).getByRole("button", { name: "Stop validator" })).toHaveFocus();
    await userEvent.keyboard("{Enter}");
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(within(validator).getByRole("button", { name: "Stop validator" })).toHaveFocus();
    await userEvent.click(within(validator).getByRole("button", { name: "Stop validator" }));
    await userEvent.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Stop" }));
    await waitFor(() => expect(stops).toEqual([setup("active").id]));
    const authHeaders = fetchImpl.mock.calls
      .filter(([u]) => String(u).startsWith("/api/v1/validators"))
      .map(([, init]) => (init?.headers as Record<string, string>).Authorization);
    expect(new Set(authHeaders)).toEqual(new Set(["Bearer tok"]));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent(/stopping/), { timeout: 5000 });
  });
});
