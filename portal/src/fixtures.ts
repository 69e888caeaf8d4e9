import type { PublicConfig } from "./api";

export const CONFIG: PublicConfig = {
  chain: {
    chainId: "omniphi-devnet-1",
    chainName: "Omniphi Devnet",
    rpc: "http://localhost:26657",
    rest: "http://localhost:1317",
    bech32Prefix: "omni",
    bondDenom: "omniphi",
    displayDenom: "OMNI",
    decimals: 6,
    coinType: 118,
    gasPrice: "0.025",
  },
  setupRules: {
    validatorNameMaxBytes: 70,
    websiteMaxBytes: 140,
    descriptionMaxBytes: 280,
    websiteSchemes: ["http", "https"],
    minCommissionRate: "0.05",
    maxCommissionRate: "1",
    runModes: ["cloud", "local"],
    cloudProviders: ["omniphi_cloud"],
    defaultCloudProvider: "omniphi_cloud",
  },
  localAgent: { bridgeUrl: "http://127.0.0.1:15000" },
};

export const WALLET = "omni1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu";

export function json(status: number, body: unknown, type = "application/json"): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": type } });
}

export function setup(status: string, extra: Record<string, unknown> = {}) {
  return {
    id: "3f1c9a52-8d0e-4b7a-9a43-5a8f0f1e2b6c",
    status,
    walletAddress: WALLET,
    validatorName: "orion",
    website: "",
    description: "",
    commissionRate: "0.1",
    runMode: "cloud",
    provider: "omniphi_cloud",
    consensusPubkey: null,
    operatorAddress: null,
    createdAt: "2026-12-03T16:00:00Z",
    updatedAt: "2026-12-03T16:00:00Z",
    completedAt: null,
    failureReason: null,
    ...extra,
  };
}
