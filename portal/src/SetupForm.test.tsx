import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Api } from "./api";
import { CONFIG, json, setup, WALLET } from "./fixtures";
import { SetupForm } from "./SetupForm";

function renderForm(fetchImpl: typeof fetch) {
  const onCreated = vi.fn();
  render(<SetupForm api={new Api("", "token", fetchImpl)} config={CONFIG} walletAddress={WALLET} onCreated={onCreated} />);
  return onCreated;
}

async function fill(user: ReturnType<typeof userEvent.setup>, name: string, commission = "10") {
  await user.type(screen.getByRole("textbox", { name: "Validator name" }), name);
  await user.type(screen.getByRole("textbox", { name: "Commission rate (%)" }), commission);
  await user.type(screen.getByRole("textbox", { name: "Self-delegation" }), "1000");
}

describe("SetupForm", () => {
  it("has the accessible names of the contract and shows the server's rules inline", () => {
    renderForm(vi.fn());
    for (const name of ["Validator name", "Website", "Description", "Commission rate (%)", "Self-delegation"]) {
      expect(screen.getByRole("textbox", { name })).toBeInTheDocument();
    }
    expect(screen.getByRole("radio", { name: "Cloud" })).toBeChecked();
    expect(screen.getByRole("radio", { name: "Local" })).not.toBeChecked();
    expect(screen.getByRole("button", { name: "Create validator" })).toBeEnabled();
    expect(screen.getByRole("textbox", { name: "Validator name" })).toHaveAccessibleDescription(/0 of 70 bytes/);
    expect(screen.getByRole("textbox", { name: "Website" })).toHaveAccessibleDescription(/http:\/\/ or https:\/\//);
    expect(screen.getByRole("textbox", { name: "Commission rate (%)" })).toHaveAccessibleDescription(/at least 5 %/);
  });

  it("checks the rules before sending: bytes, http(s) website, bidi characters, commission minimum", async () => {
    const fetchImpl = vi.fn();
    renderForm(fetchImpl);
    const user = userEvent.setup();
    await user.type(screen.getByRole("textbox", { name: "Validator name" }), "é".repeat(36)); // 72 bytes
    await user.type(screen.getByRole("textbox", { name: "Website" }), "ftp://example.org");
    await user.type(screen.getByRole("textbox", { name: "Description" }), "safe\u202Etxt");
    await user.type(screen.getByRole("textbox", { name: "Commission rate (%)" }), "4");
    await user.click(screen.getByRole("button", { name: "Create validator" }));
    expect(screen.getByRole("textbox", { name: "Validator name" })).toHaveAccessibleDescription(/at most 70 UTF-8 bytes \(is 72\)/);
    expect(screen.getByRole("textbox", { name: "Website" })).toHaveAccessibleDescription(/must be an http or https URL/);
    expect(screen.getByRole("textbox", { name: "Description" })).toHaveAccessibleDescription(/bidirectional/);
    expect(screen.getByRole("textbox", { name: "Commission rate (%)" })).toHaveAccessibleDescription(/between 5 % and 100 %/);
    expect(screen.getByRole("textbox", { name: "Self-delegation" })).toHaveAccessibleDescription(/is required/);
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it("sends the rate as a decimal with an Idempotency-Key, and reports the created setup", async () => {
    const fetchImpl = vi.fn(async () => json(201, { setupRequest: setup("pending") }));
    const onCreated = renderForm(fetchImpl as unknown as typeof fetch);
    const user = userEvent.setup();
    await fill(user, "orion");
    await user.click(screen.getByRole("radio", { name: "Local" }));
    await user.click(screen.getByRole("button", { name: "Create validator" }));
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/v1/validators/setup-requests");
    const headers = init.headers as Record<string, string>;
    expect(headers["Idempotency-Key"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers.Authorization).toBe("Bearer token");
    expect(JSON.parse(init.body as string)).toEqual({
      walletAddress: WALLET,
      validatorName: "orion",
      website: "",
      description: "",
      commissionRate: "0.1",
      runMode: "local",
    });
    expect(onCreated).toHaveBeenCalledWith(expect.objectContaining({ status: "pending" }), expect.objectContaining({ selfDelegation: "1000" }));
  });

  it("shows problem+json field errors beside the field they name", async () => {
    const fetchImpl = vi.fn(async () =>
      json(
        400,
        {
          type: "https://omniphi.network/problems/invalid-request",
          title: "Invalid request",
          status: 400,
          detail: "One or more fields are invalid.",
          code: "invalid-request",
          errors: [
            { field: "website", message: "must be an http or https URL" },
            { field: "commissionRate", message: "must be at least 0.05" },
          ],
        },
        "application/problem+json",
      ),
    );
    renderForm(fetchImpl as unknown as typeof fetch);
    const user = userEvent.setup();
    await fill(user, "orion");
    await user.click(screen.getByRole("button", { name: "Create validator" }));
    expect(await screen.findByText("Website must be an http or https URL")).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Website" })).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByRole("textbox", { name: "Commission rate (%)" })).toHaveAccessibleDescription(/must be at least 0.05/);
  });
});
