// Reads {"privateKeyHex", "message"} from stdin, prints the POST /api/v1/auth/login body (CosmJS ADR-036 signature).
// For the local stack and manual checks only: use throwaway keys.
import { signLogin } from "./lib.mjs";

const chunks = [];
for await (const chunk of process.stdin) {
  chunks.push(chunk);
}
const input = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const { loginBody } = await signLogin(input.privateKeyHex, input.message);
process.stdout.write(JSON.stringify(loginBody) + "\n");
