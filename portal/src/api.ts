// The gateway's public API (its OpenAPI document is served at /openapi), same origin. Errors arrive as RFC 9457
// problem+json; ApiError keeps the field errors so the form can show each beside the field it names.

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly errors: FieldError[];
  /** The server's Retry-After (RFC 9110 section 10.2.3) in milliseconds, when it sent one. */
  readonly retryAfterMs: number | undefined;

  constructor(
    status: number,
    title: string,
    detail: string | undefined,
    code?: string,
    errors: FieldError[] = [],
    retryAfterMs?: number,
  ) {
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
    this.code = code;
    this.errors = errors;
    this.retryAfterMs = retryAfterMs;
  }

  /**
   * True for answers that say "try again later" rather than "this request is wrong": 429 (rate limit) and the
   * gateway's downstream answers 502, 503 and 504 (a busy or restarting service, or one that did not answer in time).
   */
  get retryable(): boolean {
    return this.status === 429 || this.status === 502 || this.status === 503 || this.status === 504;
  }

  /** The message for one field, if the server named it. */
  fieldMessage(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }
}

export interface SetupRequest {
  id: string;
  status: string;
  walletAddress: string;
  validatorName: string;
  website: string;
  description: string;
  /** A JSON number in the gateway's answers (exact decimal, e.g. 0.1). */
  commissionRate: string | number;
  runMode: "cloud" | "local";
  provider: string;
  consensusPubkey: string | null;
  operatorAddress: string | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  failureReason: string | null;
}

export interface ValidatorNode {
  id: string;
  status: string;
  provider: string;
  rpcEndpoint: string | null;
  lastBlockHeight: number | null;
  lastHealthCheck: string | null;
}

/** The validator's live x/slashing downtime budget (chainInfo.jailBudget; left out when the chain did not answer). */
export interface JailBudget {
  consensusAddress: string;
  signedBlocksWindow: number;
  maxMissedBlocks: number;
  missedBlocks: number;
  missesLeftBlocks: number;
  missesLeftMinutes: number;
  usedPercent: number;
  jailedUntil: string | null;
  tombstoned: boolean;
}

export interface ChainInfo {
  isActiveValidator: boolean;
  votingPower: number;
  jailed: boolean;
  operatorAddress: string | null;
  txHash: string | null;
  jailBudget?: JailBudget | null;
  [extra: string]: unknown;
}

/** What the heartbeat service knows of a setup's local node (the gateway's NodeHeartbeat schema). */
export interface Heartbeat {
  walletAddress: string;
  consensusPubkey: string;
  setupRequestId: string | null;
  firstSeen: string;
  lastSeen: string;
  blockHeight: number;
  uptimeSeconds: number;
  localRpcPort: number;
  localP2pPort: number;
  /** No heartbeat within the heartbeat service's stale window. */
  stale: boolean;
  /** Heartbeats arrive but the reported height has not moved. */
  heightStalled: boolean;
}

export interface SetupWithNode {
  setupRequest: SetupRequest;
  node: ValidatorNode | null;
}

export interface WalletValidator extends SetupWithNode {
  chainInfo: ChainInfo | null;
  heartbeat: Heartbeat | null;
}

export interface WalletPage {
  items: WalletValidator[];
  nextCursor: string | null;
}

export interface PublicConfig {
  chain: {
    chainId: string;
    chainName: string;
    rpc: string;
    rest: string;
    bech32Prefix: string;
    bondDenom: string;
    displayDenom: string;
    decimals: number;
    coinType: number;
    gasPrice: string;
  };
  setupRules: {
    validatorNameMaxBytes: number;
    websiteMaxBytes: number;
    descriptionMaxBytes: number;
    websiteSchemes: string[];
    minCommissionRate: string;
    maxCommissionRate: string;
    runModes: string[];
    cloudProviders: string[];
    defaultCloudProvider: string;
  };
  localAgent: { bridgeUrl: string };
}

export interface Coin {
  denom: string;
  amount: string;
}

export interface UnsignedTx {
  signDoc: { bodyBytes: string; authInfoBytes: string; chainId: string; accountNumber: string };
  aminoSignDoc: AminoSignDoc | null;
  signMode: "direct" | "amino";
  gasEstimate: number;
  fee: { amount: Coin[]; gas: string };
  operatorAddress: string;
  sequence: string;
  preflight: Preflight;
}

export interface AminoSignDoc {
  chain_id: string;
  account_number: string;
  sequence: string;
  fee: { amount: Coin[]; gas: string };
  msgs: { type: string; value: unknown }[];
  memo: string;
}

export interface Preflight {
  chainId?: string;
  balance?: Coin;
  required?: Coin;
  balanceSufficient?: boolean;
  minCommissionRate?: string;
  consensusKeyFree?: boolean;
  operatorFree?: boolean;
  nodeSync?: { inSync?: boolean; nodeHeight?: number; chainHeight?: number; lagBlocks?: number };
  activeSet?: { maxValidators?: number; bondedValidators?: number; entersActiveSet?: boolean; seatPricePower?: number };
  [extra: string]: unknown;
}

export interface BroadcastResult {
  txHash: string;
  code: number;
  height: number;
  rawLog: string;
}

export interface CreateSetupBody {
  walletAddress: string;
  validatorName: string;
  website: string;
  description: string;
  commissionRate: string;
  runMode: "cloud" | "local";
}

export interface CreateValidatorTxBody {
  selfDelegation: Coin;
  maxRate: string;
  maxChangeRate: string;
  minSelfDelegation: string;
  signMode: "direct" | "amino";
}

type Fetch = typeof fetch;

/** A client bound to an origin ("" = the page's) and, after login, the wallet's access token (memory only). */
export class Api {
  constructor(
    private readonly base = "",
    private token: string | null = null,
    private readonly fetchImpl: Fetch = (...args) => fetch(...args),
  ) {}

  withToken(token: string): Api {
    return new Api(this.base, token, this.fetchImpl);
  }

  get accessToken(): string | null {
    return this.token;
  }

  async request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const h: Record<string, string> = { Accept: "application/json", ...headers };
    if (body !== undefined) h["Content-Type"] = "application/json";
    if (this.token) h["Authorization"] = `Bearer ${this.token}`;
    const res = await this.fetchImpl(this.base + path, {
      method,
      headers: h,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw await toApiError(res);
    return (res.status === 204 ? undefined : await res.json()) as T;
  }

  config(): Promise<PublicConfig> {
    return this.request("GET", "/api/v1/config");
  }

  challenge(walletAddress: string): Promise<{ nonce: string; message: string; expiresAt: string }> {
    return this.request("GET", `/api/v1/auth/challenge?walletAddress=${encodeURIComponent(walletAddress)}`);
  }

  login(body: unknown): Promise<{ accessToken: string; expiresAt: string }> {
    return this.request("POST", "/api/v1/auth/login", body);
  }

  createSetup(body: CreateSetupBody, idempotencyKey: string): Promise<{ setupRequest: SetupRequest }> {
    return this.request("POST", "/api/v1/validators/setup-requests", body, { "Idempotency-Key": idempotencyKey });
  }

  setup(id: string): Promise<SetupWithNode> {
    return this.request("GET", `/api/v1/validators/setup-requests/${encodeURIComponent(id)}`);
  }

  walletPage(walletAddress: string, limit: number, cursor?: string | null): Promise<WalletPage> {
    const q = new URLSearchParams({ limit: String(limit) });
    if (cursor) q.set("cursor", cursor);
    return this.request("GET", `/api/v1/validators/by-wallet/${encodeURIComponent(walletAddress)}?${q}`);
  }

  stop(setupRequestId: string): Promise<{ setupRequest: SetupRequest }> {
    return this.request("POST", "/api/v1/validators/stop", { setupRequestId });
  }

  createValidatorTx(id: string, body: CreateValidatorTxBody): Promise<UnsignedTx> {
    return this.request("POST", `/api/v1/validators/setup-requests/${encodeURIComponent(id)}/create-validator-tx`, body);
  }

  unjailTx(id: string, signMode: "direct" | "amino"): Promise<UnsignedTx> {
    return this.request("POST", `/api/v1/validators/setup-requests/${encodeURIComponent(id)}/unjail-tx`, { signMode });
  }

  broadcast(id: string, txBytes: string): Promise<BroadcastResult> {
    return this.request("POST", `/api/v1/validators/setup-requests/${encodeURIComponent(id)}/broadcast`, { txBytes });
  }

  linkConsensusKey(id: string, proof: { consensusPubkey: string; signature: string }): Promise<{ setupRequest: SetupRequest }> {
    return this.request("POST", `/api/v1/validators/setup-requests/${encodeURIComponent(id)}/consensus-key`, proof);
  }

  /** The raw response of the owner-only event stream (read by ./sse.ts). */
  openEvents(id: string, signal: AbortSignal): Promise<Response> {
    return this.fetchImpl(`${this.base}/api/v1/validators/setup-requests/${encodeURIComponent(id)}/events`, {
      headers: { Accept: "text/event-stream", Authorization: `Bearer ${this.token ?? ""}` },
      signal,
    });
  }
}

/** Retry-After as delay-seconds or an HTTP-date (RFC 9110 section 10.2.3), in milliseconds; undefined if absent. */
export function retryAfterMs(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export async function toApiError(res: Response): Promise<ApiError> {
  const type = res.headers.get("Content-Type") ?? "";
  const retry = retryAfterMs(res.headers.get("Retry-After"));
  if (type.includes("json")) {
    try {
      const p = (await res.json()) as { title?: string; detail?: string; code?: string; errors?: FieldError[] };
      return new ApiError(res.status, p.title ?? `HTTP ${res.status}`, p.detail, p.code, p.errors ?? [], retry);
    } catch {
      // fall through to a generic error
    }
  }
  return new ApiError(res.status, `HTTP ${res.status}`, res.statusText || undefined, undefined, [], retry);
}
