import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Api, type SetupRequest } from "./api";
import { CONFIG, json, setup, WALLET } from "./fixtures";
import { ReviewAndSign } from "./ReviewAndSign";

const UNSIGNED = {
  signDoc: { bodyBytes: "CgA=", authInfoBytes: "EgA=", chainId: "omniphi-devnet-1", accountNumber: "7" },
  aminoSignDoc: null,
  signMode: "direct",
  gasEstimate: 214000,
  fee: { amount: [{ denom: "omniphi", amount: "5350" }], gas: "214000" },
  operatorAddress: "omnivaloper1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5wx7kz3",
  sequence: "0",
  preflight: {
    balance: { denom: "omniphi", amount: "5000000000" },
    required: { denom: "omniphi", amount: "2000005350" },
    balanceSufficient: true,
    consensusKeyFree: true,
    operatorFree: true,
    nodeSync: { inSync: true, nodeHeight: 40 },
    activeSet: { entersActiveSet: true },
  },
};

function renderReview(status: string, fetchImpl = vi.fn(async () => json(200, UNSIGNED))) {
  // the gateway writes the commission as a JSON number
  const s = setup(status, { commissionRate: 0.1, consensusPubkey: "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=" });
  render(
    <ReviewAndSign
      api={new Api("", "tok", fetchImpl as unknown as typeof fetch)}
      config={CONFIG}
      setup={s as unknown as SetupRequest}
      signer={WALLET}
      isLedger={false}
      selfDelegation="2000"
      onBroadcast={vi.fn()}
      retryBaseMs={5}
    />,
  );
  return fetchImpl;
}

describe("ReviewAndSign", () => {
  it("shows everything that will be signed, with the permanence warning, before enabling Sign and broadcast", async () => {
    const fetchImpl = renderReview("ready_for_chain_tx");
    const table = await screen.findByRole("table", { name: "What you will sign" });
    expect(within(table).getByRole("row", { name: /Operator address omnivaloper1/ })).toBeInTheDocument();
    expect(within(table).getByRole("row", { name: /Consensus public key 11qYAYKx/ })).toBeInTheDocument();
    expect(within(table).getByRole("row", { name: /Commission rate 10 %/ })).toBeInTheDocument();
    expect(within(table).getByRole("row", { name: /Maximum rate 20 %/ })).toBeInTheDocument();
    expect(within(table).getByRole("row", { name: /Self-delegation 2000 OMNI \(2000000000 omniphi\)/ })).toBeInTheDocument();
    expect(within(table).getByRole("row", { name: /Fee 0.00535 OMNI/ })).toBeInTheDocument();
    expect(within(table).getByRole("row", { name: /Active set this stake wins a seat/ })).toBeInTheDocument();
    expect(screen.getByText(/can never be changed/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("button", { name: "Sign and broadcast" })).toBeEnabled());
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toMatch(/\/create-validator-tx$/);
    expect(JSON.parse(init.body as string)).toEqual({
      selfDelegation: { denom: "omniphi", amount: "2000000000" },
      maxRate: "0.2",
      maxChangeRate: "0.01",
      minSelfDelegation: "1",
      signMode: "direct",
    });
  });

  it("keeps Sign and broadcast disabled unless the setup is ready_for_chain_tx", async () => {
    renderReview("tx_submitted");
    await screen.findByRole("table", { name: "What you will sign" });
    expect(screen.getByRole("button", { name: "Sign and broadcast" })).toBeDisabled();
  });

  it("prepares again after the gateway's busy answers (504 chain service timeout, 429), as Retry-After asks", async () => {
    const busy = (status: number) =>
      new Response(JSON.stringify({ title: "Downstream service unavailable", status, detail: "The chain service did not answer in time." }), {
        status,
        headers: { "Content-Type": "application/problem+json", "Retry-After": "0" },
      });
    const answers = [busy(504), busy(429), busy(503)];
    const fetchImpl = vi.fn(async () => answers.shift() ?? json(200, UNSIGNED));
    renderReview("ready_for_chain_tx", fetchImpl);
    await screen.findByRole("table", { name: "What you will sign" });
    await waitFor(() => expect(screen.getByRole("button", { name: "Sign and broadcast" })).toBeEnabled());
    expect(fetchImpl).toHaveBeenCalledTimes(4);
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("does not retry a refused request and shows the fields the server names", async () => {
    const fetchImpl = vi.fn(async () =>
      json(
        400,
        { title: "Invalid request", status: 400, errors: [{ field: "maxRate", message: "must be at least the commission rate" }] },
        "application/problem+json",
      ),
    );
    renderReview("ready_for_chain_tx", fetchImpl);
    expect(await screen.findByRole("alert")).toHaveTextContent("maxRate must be at least the commission rate");
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    expect(screen.getByRole("button", { name: "Sign and broadcast" })).toBeDisabled();
  });

  it("shows what was prepared, not what was typed since: editing a value disables signing until prepared again", async () => {
    const fetchImpl = renderReview("ready_for_chain_tx");
    const sign = screen.getByRole("button", { name: "Sign and broadcast" });
    await waitFor(() => expect(sign).toBeEnabled());
    const max = screen.getByRole("textbox", { name: "Maximum commission rate (%)" });
    await userEvent.clear(max);
    await userEvent.type(max, "50");
    const table = screen.getByRole("table", { name: "What you will sign" });
    expect(within(table).getByRole("row", { name: /Maximum rate 20 %/ })).toBeInTheDocument();
    expect(sign).toBeDisabled();
    expect(screen.getByText(/press "Prepare again"/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Prepare again" }));
    await waitFor(() => expect(sign).toBeEnabled());
    expect(within(screen.getByRole("table", { name: "What you will sign" })).getByRole("row", { name: /Maximum rate 50 %/ })).toBeInTheDocument();
    const second = JSON.parse((fetchImpl.mock.calls[1] as unknown as [string, RequestInit])[1].body as string);
    expect(second.maxRate).toBe("0.5");
  });
});
