// Prints the committed vector testdata/cosmjs/login-vector.json: fixed throwaway key, fixed messages.
import { signLogin } from "./lib.mjs";

// A throwaway test key (never funded anywhere): SHA-256("omniphi gateway login test key").
import { sha256 } from "@cosmjs/crypto";
import { toHex, toUtf8 } from "@cosmjs/encoding";

const privateKeyHex = toHex(sha256(toUtf8("omniphi gateway login test key")));

const messages = [
  {
    name: "gateway-challenge",
    message:
      "omniphi.network wants you to sign in with your wallet:\n" +
      "omni1fzxalmqd5h5e36q45xgy9y5cy3xkugh82dkw84\n\n" +
      "Sign in to the Omniphi Validator Orchestrator. This signature sends no transaction and costs no fee.\n\n" +
      "URI: https://omniphi.network\n" +
      "Environment: production\n" +
      "Nonce: 0f3c1b6e2a9d4c8e7b5a3f1d2c4e6a8b\n" +
      "Issued At: 2026-11-25T12:00:00Z\n" +
      "Expiration Time: 2026-11-25T12:05:00Z",
  },
  { name: "escaping-and-unicode", message: "a <b> & \"c\" \\ é 🚀\ttab" },
];

const vectors = [];
for (const m of messages) {
  const { loginBody, signDocJson } = await signLogin(privateKeyHex, m.message);
  vectors.push({ name: m.name, loginBody, signDocJson });
}
process.stdout.write(
  JSON.stringify(
    {
      generator: "tools/cosmjs-login/login-vector.mjs with @cosmjs/amino, @cosmjs/crypto, @cosmjs/encoding 0.39.0",
      privateKeyHex,
      vectors,
    },
    null,
    2,
  ) + "\n",
);
