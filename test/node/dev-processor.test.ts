/**
 * The reference processor (`npm run dev:processor`) speaks the protocol Shelfsync uses with pipeline
 * services: it configures itself (PUT /v1/processors/{name}, or rotate-secret when the processor
 * exists), accepts only jobs signed with the secret it got, fetches the job's image and answers
 * `{status: "done", url}` with an output it serves; it also serves the seed examples' images. Driven
 * here against a stand-in for Shelfsync's two routes, in Node (workerd cannot listen).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SOURCE = Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Array.from({ length: 64 }, (_, i) => i), 0xff, 0xd9]);
const SHA = 'a'.repeat(64);
const secrets: Record<string, string> = { tryOn: 'whsec_' + Buffer.from('t'.repeat(32)).toString('base64'), localization: 'whsec_' + Buffer.from('l'.repeat(32)).toString('base64') };
const seen: Array<{ method: string; path: string; body: string }> = [];

let shelfsync: Server;
let processor: ChildProcess;
let base = '';
let out = '';

beforeAll(async () => {
  shelfsync = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method!, path: req.url!, body });
      const put = req.url!.match(/^\/v1\/processors\/(\w+)$/);
      if (req.method === 'PUT' && put && req.headers.authorization === 'Bearer ssk_test') {
        // tryOn is new (its secret shown once); localization existed (its secret comes from a rotation).
        if (put[1] === 'tryOn') return void res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ name: 'tryOn', secret: secrets.tryOn }));
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ name: put[1] }));
      }
      if (req.method === 'POST' && req.url === '/v1/processors/localization/rotate-secret') {
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ name: 'localization', secret: secrets.localization }));
      }
      if (req.method === 'GET' && req.url!.startsWith('/v1/images/img_1/content')) return void res.writeHead(200, { 'content-type': 'image/jpeg' }).end(SOURCE);
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => shelfsync.listen(0, '127.0.0.1', resolve));
  const shelfsyncUrl = `http://127.0.0.1:${(shelfsync.address() as AddressInfo).port}`;
  out = mkdtempSync(join(tmpdir(), 'dev-processor-'));
  processor = spawn(process.execPath, ['scripts/dev-processor.mjs', '--port', '0', '--url', shelfsyncUrl, '--out', out], { env: { ...process.env, SHELFSYNC_KEY: 'ssk_test' } });
  base = await new Promise<string>((resolve, reject) => {
    let text = '';
    processor.stdout!.on('data', (c) => {
      text += c;
      const m = text.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) resolve(m[1]!);
    });
    processor.on('exit', (code) => reject(new Error(`dev-processor exited ${code}`)));
  });
});

afterAll(async () => {
  processor?.kill('SIGTERM');
  await new Promise<void>((resolve) => shelfsync.close(() => resolve()));
  rmSync(out, { recursive: true, force: true });
});

function job(pipeline: string, imageUrl: string) {
  return JSON.stringify({ type: 'image.process', pipeline, imageId: 'img_1', sha256: SHA, imageUrl, format: 'jpeg', width: 1, height: 1, config: {}, callbackUrl: 'http://127.0.0.1:1/cb' });
}

function signed(secret: string, body: string): Record<string, string> {
  const id = 'evt_1';
  const now = new Date();
  return { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(Math.floor(now.getTime() / 1000)), 'webhook-signature': new Webhook(secret).sign(id, now, body) };
}

describe('the reference processor', () => {
  it('configures each pipeline with its own URL, taking a secret from the answer or from a rotation', () => {
    const puts = seen.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.path)).toEqual(['/v1/processors/tryOn', '/v1/processors/localization']);
    for (const put of puts) expect(JSON.parse(put.body).url).toBe(`${base}/process/${put.path.split('/').pop()}`);
    expect(seen.some((r) => r.path === '/v1/processors/localization/rotate-secret')).toBe(true);
  });

  it('answers a signed job with an output URL it serves (the source bytes, re-served)', async () => {
    const imageUrl = `http://127.0.0.1:${(shelfsync.address() as AddressInfo).port}/v1/images/img_1/content?v=${SHA}&exp=1&sig=x`;
    for (const pipeline of ['tryOn', 'localization']) {
      const body = job(pipeline, imageUrl);
      const res = await fetch(`${base}/process/${pipeline}`, { method: 'POST', headers: signed(secrets[pipeline]!, body), body });
      expect(res.status).toBe(200);
      const answer = (await res.json()) as { status: string; url: string };
      expect(answer).toEqual({ status: 'done', url: `${base}/outputs/${pipeline}/${SHA}.jpg` });
      const output = await fetch(answer.url);
      expect(output.headers.get('content-type')).toBe('image/jpeg');
      expect(Buffer.from(await output.arrayBuffer()).equals(SOURCE)).toBe(true);
    }
  });

  it('refuses a job that is unsigned, signed with another secret, or for an unknown pipeline', async () => {
    const body = job('tryOn', 'http://127.0.0.1:1/x');
    expect((await fetch(`${base}/process/tryOn`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status).toBe(401);
    expect((await fetch(`${base}/process/tryOn`, { method: 'POST', headers: signed(secrets.localization!, body), body })).status).toBe(401);
    expect((await fetch(`${base}/process/other`, { method: 'POST', headers: signed(secrets.tryOn!, body), body })).status).toBe(404);
  });

  it("serves the seed examples' images as PNGs on loopback", async () => {
    const res = await fetch(`${base}/example.com/image1.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.readUInt32BE(16)).toBe(400);
    expect(bytes.readUInt32BE(20)).toBe(600);
    const other = Buffer.from(await (await fetch(`${base}/example.com/image2.png`)).arrayBuffer());
    expect(other.equals(bytes)).toBe(false);
  });
});
