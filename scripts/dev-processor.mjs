#!/usr/bin/env node
/**
 * A reference pipeline processor for local development (`npm run dev:processor`): the service that
 * runs the `tryOn` and `localization` pipelines, on loopback, speaking the protocol Shelfsync uses
 * (src/images/processors/external.ts):
 *
 * - on start it configures itself with Shelfsync for each pipeline: `PUT /v1/processors/{name}` with
 *   its own URL; the signing secret comes back once (201), or, when the processor already exists, from
 *   `POST /v1/processors/{name}/rotate-secret` (secrets are sealed at rest and never shown again);
 * - `POST /process/{name}`: a job signed in the Standard Webhooks scheme with that secret. The job is
 *   verified (signature and timestamp within 5 minutes), the image is fetched from the signed
 *   `imageUrl` the job names, and the answer is `{"status": "done", "url": ...}`. The "processing" is a
 *   stand-in: the output is the source bytes, re-served under a new URL of this server
 *   (`/outputs/{pipeline}/{sha256}.{ext}`), so the status endpoint and webhooks show a pipeline output
 *   that differs from the stored original. Outputs are kept under `.wrangler/dev-processor/`.
 * - `GET /example.com/{name}.png`: a generated PNG for any name, so the seed examples' images
 *   (`https://example.com/image1.png`, unreachable offline) can be pointed here.
 *
 * Options (flags or environment): --key / SHELFSYNC_KEY (a tenant API key, required),
 * --url / SHELFSYNC_URL (default http://127.0.0.1:8787), --port / PROCESSOR_PORT (default 8790),
 * --pipelines / PROCESSOR_PIPELINES (default tryOn,localization). No dependencies beyond Node.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

function option(flag, env, fallback) {
  const i = process.argv.indexOf(`--${flag}`);
  if (i !== -1 && process.argv[i + 1] !== undefined) return process.argv[i + 1];
  return process.env[env] ?? fallback;
}

const KEY = option('key', 'SHELFSYNC_KEY', '');
const SHELFSYNC = option('url', 'SHELFSYNC_URL', 'http://127.0.0.1:8787').replace(/\/+$/, '');
const PORT = Number(option('port', 'PROCESSOR_PORT', '8790'));
const PIPELINES = option('pipelines', 'PROCESSOR_PIPELINES', 'tryOn,localization').split(',').map((s) => s.trim()).filter(Boolean);
const OUT_DIR = option('out', 'PROCESSOR_OUT', join(dirname(fileURLToPath(import.meta.url)), '..', '.wrangler', 'dev-processor'));
const TOLERANCE_S = 5 * 60;
const FORMATS = { jpeg: 'jpg', png: 'png', gif: 'gif', webp: 'webp' };
const TYPES = { jpg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp' };

if (!KEY) {
  console.error('dev-processor: a tenant API key is needed to configure the pipelines: SHELFSYNC_KEY=ssk_... npm run dev:processor');
  process.exit(2);
}

/** pipeline -> signing secrets (`whsec_...`) that may sign its jobs. */
const secrets = new Map();

// --- Standard Webhooks verification (the scheme of src/webhooks/signing.ts) -------------------------

function verify(name, headers, body) {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = String(headers['webhook-signature'] ?? '').split(' ');
  if (!id || !timestamp || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > TOLERANCE_S) return false;
  for (const secret of secrets.get(name) ?? []) {
    const expected = createHmac('sha256', Buffer.from(secret.replace(/^whsec_/, ''), 'base64')).update(`${id}.${timestamp}.${body}`).digest();
    for (const signature of signatures) {
      const [version, value] = signature.split(',');
      if (version !== 'v1' || !value) continue;
      const given = Buffer.from(value, 'base64');
      if (given.length === expected.length && timingSafeEqual(given, expected)) return true;
    }
  }
  return false;
}

// --- A small PNG, generated (no image library) ------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A 400x600 RGB gradient whose hue follows the name, so each example image is a distinct picture. */
function examplePng(name) {
  const width = 400;
  const height = 600;
  const hue = [...name].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 256, 7);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    rows[row] = 0;
    for (let x = 0; x < width; x++) {
      const at = row + 1 + x * 3;
      rows[at] = (hue + x) % 256;
      rows[at + 1] = Math.floor((y / height) * 255);
      rows[at + 2] = 255 - hue;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

// --- The server -------------------------------------------------------------------------------------

function readBody(req) {
  return new Promise((resolve, reject) => {
    const parts = [];
    let size = 0;
    req.on('data', (part) => {
      size += part.length;
      if (size > 1024 * 1024) req.destroy(new Error('body too large'));
      else parts.push(part);
    });
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

const json = (res, status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

async function processJob(name, job) {
  if (typeof job.imageUrl !== 'string' || !/^[0-9a-f]{64}$/.test(String(job.sha256))) return { status: 'error', error: 'The job names no image' };
  const ext = FORMATS[job.format] ?? 'bin';
  const file = join(OUT_DIR, name, `${job.sha256}.${ext}`);
  if (!existsSync(file)) {
    const image = await fetch(job.imageUrl, { signal: AbortSignal.timeout(15_000) });
    if (!image.ok) return { status: 'error', error: `The image could not be fetched (HTTP ${image.status})` };
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, Buffer.from(await image.arrayBuffer()));
  }
  return { status: 'done', url: `http://127.0.0.1:${server.address().port}/outputs/${encodeURIComponent(name)}/${job.sha256}.${ext}` };
}

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (req.method === 'POST' && parts[0] === 'process' && parts.length === 2) {
      const name = parts[1];
      const body = await readBody(req);
      if (!secrets.has(name)) return json(res, 404, { status: 'error', error: `No pipeline "${name}" here` });
      if (!verify(name, req.headers, body)) return json(res, 401, { status: 'error', error: 'The job signature could not be verified' });
      const result = await processJob(name, JSON.parse(body));
      console.log(`dev-processor: ${name} ${result.status} ${result.url ?? result.error}`);
      return json(res, 200, result);
    }
    if (req.method === 'GET' && parts[0] === 'outputs' && parts.length === 3 && /^[0-9a-f]{64}\.(jpg|png|gif|webp|bin)$/.test(parts[2])) {
      const file = join(OUT_DIR, parts[1], parts[2]);
      if (!PIPELINES.includes(parts[1]) || !existsSync(file)) return json(res, 404, { error: 'No such output' });
      const bytes = readFileSync(file);
      return res.writeHead(200, { 'content-type': TYPES[parts[2].split('.').pop()] ?? 'application/octet-stream', 'content-length': bytes.length }).end(bytes);
    }
    if (req.method === 'GET' && parts[0] === 'example.com' && parts.length >= 2 && /\.png$/i.test(parts.at(-1))) {
      const bytes = examplePng(parts.slice(1).join('/'));
      return res.writeHead(200, { 'content-type': 'image/png', 'content-length': bytes.length, 'cache-control': 'max-age=3600' }).end(bytes);
    }
    json(res, 404, { error: 'Not found' });
  } catch (err) {
    console.error(`dev-processor: ${err?.message ?? err}`);
    if (!res.headersSent) json(res, 500, { status: 'error', error: 'The reference processor failed' });
  }
});

/** PUT /v1/processors/{name} pointing here; the secret from the answer, or from a rotation. */
async function configure(name) {
  const headers = { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' };
  const self = `http://127.0.0.1:${server.address().port}/process/${encodeURIComponent(name)}`;
  const put = await fetch(`${SHELFSYNC}/v1/processors/${encodeURIComponent(name)}`, { method: 'PUT', headers, body: JSON.stringify({ url: self, config: {} }) });
  const answer = await put.json().catch(() => ({}));
  if (put.status === 201) return answer.secret;
  if (put.status !== 200) throw new Error(`PUT /v1/processors/${name} answered ${put.status}: ${JSON.stringify(answer)}`);
  // It existed: its secret is sealed and never shown again, so take a new one (the old one keeps
  // signing for the overlap, which is harmless here).
  const rotated = await fetch(`${SHELFSYNC}/v1/processors/${encodeURIComponent(name)}/rotate-secret`, { method: 'POST', headers: { authorization: headers.authorization } });
  const body = await rotated.json().catch(() => ({}));
  if (rotated.status !== 200) throw new Error(`rotate-secret for ${name} answered ${rotated.status}: ${JSON.stringify(body)}`);
  return body.secret;
}

server.listen(PORT, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    for (const name of PIPELINES) secrets.set(name, [await configure(name)]);
  } catch (err) {
    console.error(`dev-processor: could not configure the pipelines with ${SHELFSYNC}: ${err?.message ?? err}`);
    server.close();
    process.exitCode = 1;
    return;
  }
  console.log(`dev-processor: listening on ${base}; pipelines ${PIPELINES.join(', ')} configured with ${SHELFSYNC}`);
  console.log(`dev-processor: example images at ${base}/example.com/image1.png (any name ending .png)`);
});

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
