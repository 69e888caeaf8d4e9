#!/usr/bin/env node
// Independent reference for the local-mode key link proof (DESIGN.md "Local mode key link"), using only Node's
// built-in crypto (OpenSSL's RFC 8032 Ed25519) - no code shared with the Java services.
//
//   node link-proof.mjs sign --seed <64 hex> --chain-id <id> --setup <uuid> --wallet <omni1...>
//       prints {"canonicalDocument","consensusPubkey","signature"} (standard base64)
//   node link-proof.mjs vectors
//       prints the golden vectors the Java tests check (testdata/link-proof/vectors.json)
//   node link-proof.mjs heartbeat --seed <64 hex> --wallet <omni1...> [--height N]
//       prints a heartbeat body signed now (docs/heartbeat-protocol.md), for trying the API by hand
//
// Canonical document: UTF-8 of JSON.stringify of {chainId, purpose, setupRequestId, walletAddress} with the keys
// inserted in code-point order (JSON.stringify keeps insertion order and writes no whitespace).
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';

const PURPOSE = 'omniphi/link-consensus-key/v1';
// PKCS#8 prefix of an Ed25519 private key (RFC 8410): the 32-byte seed follows.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export function canonicalDocument(chainId, setupRequestId, walletAddress) {
  const fields = { chainId, purpose: PURPOSE, setupRequestId, walletAddress };
  const sorted = {};
  for (const k of Object.keys(fields).sort()) sorted[k] = fields[k];
  return JSON.stringify(sorted);
}

function keyOf(seedHex) {
  const seed = Buffer.from(seedHex, 'hex');
  if (seed.length !== 32) throw new Error('seed must be 32 bytes of hex');
  const key = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const spki = createPublicKey(key).export({ format: 'der', type: 'spki' });
  return { key, publicKey: spki.subarray(spki.length - 32) };
}

// A heartbeat body: the canonical JSON of the seven fields (keys sorted, no whitespace) signed, plus the signature.
export function heartbeat(seedHex, walletAddress, blockHeight) {
  const { key, publicKey } = keyOf(seedHex);
  const fields = {
    blockHeight, consensusPubkey: publicKey.toString('base64'), localP2pPort: 26656, localRpcPort: 26657,
    timestamp: new Date().toISOString(), uptimeSeconds: 60, walletAddress,
  };
  const signature = sign(null, Buffer.from(JSON.stringify(fields), 'utf8'), key);
  return { ...fields, signature: signature.toString('base64') };
}

export function linkProof(seedHex, chainId, setupRequestId, walletAddress) {
  const { key, publicKey } = keyOf(seedHex);
  const doc = canonicalDocument(chainId, setupRequestId, walletAddress);
  const signature = sign(null, Buffer.from(doc, 'utf8'), key);
  if (!verify(null, Buffer.from(doc, 'utf8'), createPublicKey(key), signature)) throw new Error('self-check failed');
  return {
    canonicalDocument: doc,
    consensusPubkey: publicKey.toString('base64'),
    signature: signature.toString('base64'),
  };
}

// RFC 8032 section 7.1, TEST 1 and TEST 2 secret keys.
const RFC8032_TEST1 = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const RFC8032_TEST2 = '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb';

function vectors() {
  const cases = [
    { name: 'rfc8032-test1-devnet', seed: RFC8032_TEST1, chainId: 'omniphi-devnet-1',
      setupRequestId: '3f1c2a9e-4b7d-4f43-9d55-0c1c2b0a9e11',
      walletAddress: 'omni1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu' },
    { name: 'rfc8032-test2-other-chain', seed: RFC8032_TEST2, chainId: 'omniphi-mainnet-1',
      setupRequestId: '00000000-0000-4000-8000-000000000001',
      walletAddress: 'omni1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu' },
  ];
  return cases.map(c => ({ ...c, ...linkProof(c.seed, c.chainId, c.setupRequestId, c.walletAddress) }));
}

function arg(args, name) {
  const i = args.indexOf(name);
  if (i < 0 || i + 1 >= args.length) throw new Error(`missing ${name}`);
  return args[i + 1];
}

const [command, ...args] = process.argv.slice(2);
if (command === 'vectors') {
  process.stdout.write(JSON.stringify(vectors(), null, 2) + '\n');
} else if (command === 'sign') {
  const proof = linkProof(arg(args, '--seed'), arg(args, '--chain-id'), arg(args, '--setup'), arg(args, '--wallet'));
  process.stdout.write(JSON.stringify(proof) + '\n');
} else if (command === 'heartbeat') {
  const height = args.includes('--height') ? Number(arg(args, '--height')) : 1;
  process.stdout.write(JSON.stringify(heartbeat(arg(args, '--seed'), arg(args, '--wallet'), height)) + '\n');
} else if (command !== undefined || process.argv[1].endsWith('link-proof.mjs')) {
  process.stderr.write('usage: link-proof.mjs vectors | sign --seed HEX --chain-id ID --setup UUID --wallet ADDR'
    + ' | heartbeat --seed HEX --wallet ADDR [--height N]\n');
  process.exit(2);
}
