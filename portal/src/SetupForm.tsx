import { useMemo, useRef, useState } from "react";
import { ApiError, type Api, type CreateSetupBody, type PublicConfig, type SetupRequest } from "./api";
import { compareDecimal, percentToRate, rateToPercent, toBaseUnits, utf8Bytes } from "./encoding";

export interface SetupFormValues {
  validatorName: string;
  website: string;
  description: string;
  commissionPercent: string;
  selfDelegation: string;
  runMode: "cloud" | "local";
}

type Errors = Partial<Record<keyof SetupFormValues, string>>;

/** Field names of the API → the form's fields, so problem+json errors appear beside the field they name. */
const API_FIELD: Record<string, keyof SetupFormValues> = {
  validatorName: "validatorName",
  website: "website",
  description: "description",
  commissionRate: "commissionPercent",
  runMode: "runMode",
  provider: "runMode",
};

// Control characters other than tab and newline, and the Unicode bidirectional controls (Trojan Source, CVE-2021-42574)
const FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** The server's rules (GET /api/v1/config), checked before sending; the server checks them again. */
export function validate(v: SetupFormValues, config: PublicConfig): Errors {
  const r = config.setupRules;
  const e: Errors = {};
  const bytes = (s: string) => utf8Bytes(s);
  if (v.validatorName.trim() === "") e.validatorName = "is required";
  else if (v.validatorName.trim() !== v.validatorName) e.validatorName = "must not start or end with white space";
  else if (bytes(v.validatorName) > r.validatorNameMaxBytes)
    e.validatorName = `must be at most ${r.validatorNameMaxBytes} UTF-8 bytes (is ${bytes(v.validatorName)})`;
  for (const f of ["validatorName", "website", "description"] as const) {
    if (!e[f] && FORBIDDEN.test(v[f])) e[f] = "must not contain control or bidirectional formatting characters";
  }
  if (!e.website && v.website !== "") {
    let scheme = "";
    try {
      scheme = new URL(v.website).protocol.replace(/:$/, "");
    } catch {
      scheme = "";
    }
    if (!r.websiteSchemes.includes(scheme) || /\s/.test(v.website))
      e.website = `must be an ${r.websiteSchemes.join(" or ")} URL`;
    else if (bytes(v.website) > r.websiteMaxBytes) e.website = `must be at most ${r.websiteMaxBytes} UTF-8 bytes`;
  }
  if (!e.description && bytes(v.description) > r.descriptionMaxBytes)
    e.description = `must be at most ${r.descriptionMaxBytes} UTF-8 bytes (is ${bytes(v.description)})`;
  const rate = percentToRate(v.commissionPercent);
  if (v.commissionPercent.trim() === "") e.commissionPercent = "is required";
  else if (rate === null) e.commissionPercent = "must be a number, e.g. 10";
  else if (compareDecimal(rate, r.minCommissionRate) < 0 || compareDecimal(rate, r.maxCommissionRate) > 0)
    e.commissionPercent = `must be between ${pct(r.minCommissionRate)} and ${pct(r.maxCommissionRate)}`;
  const units = toBaseUnits(v.selfDelegation, config.chain.decimals);
  if (v.selfDelegation.trim() === "") e.selfDelegation = "is required";
  else if (units === null || /^0*$/.test(units))
    e.selfDelegation = `must be an amount above 0 with at most ${config.chain.decimals} decimals`;
  return e;
}

function pct(rate: string): string {
  return `${rateToPercent(rate)} %`;
}

interface Props {
  api: Api;
  config: PublicConfig;
  walletAddress: string;
  onCreated: (setup: SetupRequest, values: SetupFormValues) => void;
}

/** The setup wizard's first step: validator profile and run mode. */
export function SetupForm({ api, config, walletAddress, onCreated }: Props) {
  const [values, setValues] = useState<SetupFormValues>({
    validatorName: "",
    website: "",
    description: "",
    commissionPercent: "",
    selfDelegation: "",
    runMode: "cloud",
  });
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // one key per intended request: a retry after a network failure re-sends the same key and gets the same setup
  const idempotencyKey = useRef<string>(crypto.randomUUID());
  const r = config.setupRules;

  const set = (field: keyof SetupFormValues) => (ev: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: ev.target.value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const counters = useMemo(
    () => ({
      validatorName: `${utf8Bytes(values.validatorName)} of ${r.validatorNameMaxBytes} bytes`,
      website: `${utf8Bytes(values.website)} of ${r.websiteMaxBytes} bytes; must start with ${r.websiteSchemes.map((s) => `${s}://`).join(" or ")}`,
      description: `${utf8Bytes(values.description)} of ${r.descriptionMaxBytes} bytes`,
    }),
    [values, r],
  );

  const submit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    setFormError(null);
    const found = validate(values, config);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const body: CreateSetupBody = {
      walletAddress,
      validatorName: values.validatorName,
      website: values.website,
      description: values.description,
      commissionRate: percentToRate(values.commissionPercent) ?? values.commissionPercent,
      runMode: values.runMode,
    };
    setBusy(true);
    try {
      const { setupRequest } = await api.createSetup(body, idempotencyKey.current);
      idempotencyKey.current = crypto.randomUUID();
      onCreated(setupRequest, values);
    } catch (e) {
      if (e instanceof ApiError) {
        const byField: Errors = {};
        const unplaced: string[] = [];
        for (const fe of e.errors) {
          const f = API_FIELD[fe.field];
          if (f) byField[f] = fe.message;
          else unplaced.push(`${fe.field} ${fe.message}`);
        }
        setErrors(byField);
        setFormError(e.errors.length === 0 || unplaced.length > 0 ? [e.message, ...unplaced].join(" — ") : null);
        if (e.status >= 400 && e.status < 500) idempotencyKey.current = crypto.randomUUID();
      } else {
        setFormError(`The request did not reach the server: ${e instanceof Error ? e.message : String(e)}. Try again.`);
      }
    } finally {
      setBusy(false);
    }
  };

  const field = (
    id: keyof SetupFormValues,
    label: string,
    hint: string,
    input: (props: { id: string; "aria-describedby": string; "aria-invalid": boolean }) => React.ReactNode,
  ) => (
    <div className="field">
      <label htmlFor={`f-${id}`}>{label}</label>
      {input({ id: `f-${id}`, "aria-describedby": `f-${id}-hint f-${id}-error`, "aria-invalid": Boolean(errors[id]) })}
      <div id={`f-${id}-hint`} className="hint">
        {hint}
      </div>
      <div id={`f-${id}-error`} className="error" role={errors[id] ? "alert" : undefined}>
        {errors[id] ? `${label} ${errors[id]}` : ""}
      </div>
    </div>
  );

  return (
    <form onSubmit={submit} noValidate aria-labelledby="setup-title">
      <h2 id="setup-title">Set up a validator</h2>
      {field("validatorName", "Validator name", `Your moniker, ${counters.validatorName}`, (p) => (
        <input {...p} value={values.validatorName} onChange={set("validatorName")} autoComplete="off" />
      ))}
      {field("website", "Website", `Optional, ${counters.website}`, (p) => (
        <input {...p} type="url" value={values.website} onChange={set("website")} placeholder="https://" />
      ))}
      {field("description", "Description", `Optional, ${counters.description}`, (p) => (
        <textarea {...p} value={values.description} onChange={set("description")} rows={3} />
      ))}
      {field(
        "commissionPercent",
        "Commission rate (%)",
        `Percent of rewards you keep, e.g. 10; at least ${pct(r.minCommissionRate)}`,
        (p) => <input {...p} inputMode="decimal" value={values.commissionPercent} onChange={set("commissionPercent")} />,
      )}
      {field(
        "selfDelegation",
        "Self-delegation",
        `Amount you bond yourself, in ${config.chain.displayDenom} (1 ${config.chain.displayDenom} = 10^${config.chain.decimals} ${config.chain.bondDenom}); signed later, in the review`,
        (p) => <input {...p} inputMode="decimal" value={values.selfDelegation} onChange={set("selfDelegation")} />,
      )}
      <fieldset aria-describedby="f-runMode-error">
        <legend>Where does the node run?</legend>
        <label>
          <input
            type="radio"
            name="runMode"
            value="cloud"
            checked={values.runMode === "cloud"}
            onChange={() => setValues((v) => ({ ...v, runMode: "cloud" }))}
          />
          Cloud
        </label>
        <label>
          <input
            type="radio"
            name="runMode"
            value="local"
            checked={values.runMode === "local"}
            onChange={() => setValues((v) => ({ ...v, runMode: "local" }))}
          />
          Local
        </label>
        <div id="f-runMode-error" className="error">
          {errors.runMode ?? ""}
        </div>
      </fieldset>
      {formError && (
        <p className="error" role="alert">
          {formError}
        </p>
      )}
      <button type="submit" disabled={busy}>
        Create validator
      </button>
    </form>
  );
}
