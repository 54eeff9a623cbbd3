/**
 * A local HTTP receiver for webhook and fetch tests, run in Node (workerd cannot listen) on
 * 127.0.0.1:0; its URL reaches tests through `provide` / `inject('receiverUrl')`.
 *
 *   ANY /r/{bucket}/{behaviour}   records the request, then answers per behaviour:
 *       ok 200 · fail 500 · rate 429 + Retry-After: 2 · unavailable 503 · gone 410
 *       hang (answers after 10 s) · redirect 302 -> ok · slow (200, body trickles for 3 s)
 *       flaky (500 on the first request of the bucket, 200 after)
 *       tryon-done (200 {"status":"done","url":...}) · tryon-error (200 {"status":"error","error":...})
 *       tryon-accept (202: the service will call back)
 *       hold (200 after 300 ms; requests in flight at once are counted per bucket)
 *   GET /received/{bucket}        the recorded requests of a bucket, oldest first
 *   GET /inflight/{bucket}        {max}: the most `hold` requests of the bucket that were in flight at once
 *   GET /img/{name}               an image fixture (see image-fixtures.ts), with ETag and Last-Modified;
 *                                 answers 304 to a matching If-None-Match; every request is counted
 *   GET /img-count/{name}         how many times /img/{name} was requested (and how many were 304)
 *   GET /img-redirect/{n}/{name}  n redirects, then the image
 *   GET /img-slow/{name}          the image, trickled over ~20 s
 *   GET /img-big                  12 MB of JPEG-looking bytes, streamed
 *   ANY /redirect?to={url}        302 to the given URL (the guard must judge the target before any connection)
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';
import { buildImageFixtures } from './image-fixtures';

interface Received {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  receivedAt: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    receiverUrl: string;
  }
}

const buckets = new Map<string, Received[]>();
const inflight = new Map<string, { now: number; max: number }>();

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

let server: Server;
const imageCounts = new Map<string, { total: number; notModified: number }>();

export async function setup(project: TestProject): Promise<void> {
  const fixtures = buildImageFixtures();
  const lastModified = new Date(Date.now() - 3600_000).toUTCString();
  server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts[0] === 'img' && parts[1]) {
      const fixture = fixtures[parts[1]];
      const count = imageCounts.get(parts[1]) ?? { total: 0, notModified: 0 };
      count.total += 1;
      imageCounts.set(parts[1], count);
      if (!fixture) return void res.writeHead(404).end('no such fixture');
      const etag = `"${parts[1]}-${fixture.bytes.length}"`;
      if (req.headers['if-none-match'] === etag) {
        count.notModified += 1;
        return void res.writeHead(304, { etag }).end();
      }
      res.writeHead(200, { 'content-type': fixture.contentType, 'content-length': fixture.bytes.length, etag, 'last-modified': lastModified });
      return void res.end(Buffer.from(fixture.bytes));
    }
    if (parts[0] === 'img-count' && parts[1]) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify(imageCounts.get(parts[1]) ?? { total: 0, notModified: 0 }));
    }
    if (parts[0] === 'img-redirect' && parts[1] && parts[2]) {
      const n = Number(parts[1]);
      const location = n <= 1 ? `/img/${parts[2]}` : `/img-redirect/${n - 1}/${parts[2]}`;
      return void res.writeHead(302, { location }).end();
    }
    if (parts[0] === 'img-slow' && parts[1]) {
      const fixture = fixtures[parts[1]];
      if (!fixture) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': fixture.contentType });
      let offset = 0;
      const step = Math.ceil(fixture.bytes.length / 20);
      const timer = setInterval(() => {
        res.write(Buffer.from(fixture.bytes.subarray(offset, offset + step)));
        offset += step;
        if (offset >= fixture.bytes.length) {
          clearInterval(timer);
          res.end();
        }
      }, 1000);
      timer.unref();
      return;
    }
    if (parts[0] === 'img-big') {
      // No Content-Length: the cap must be enforced while streaming.
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      const chunk = Buffer.alloc(1024 * 1024, 0xab);
      chunk[0] = 0xff;
      chunk[1] = 0xd8;
      chunk[2] = 0xff;
      let sent = 0;
      const pump = () => {
        while (sent < 12) {
          sent += 1;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('error', () => {});
      pump();
      return;
    }
    if (parts[0] === 'redirect') {
      return void res.writeHead(302, { location: url.searchParams.get('to') ?? '/' }).end();
    }
    if (parts[0] === 'inflight' && parts[1]) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ max: inflight.get(parts[1])?.max ?? 0 }));
    }
    if (parts[0] === 'received' && parts[1]) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(buckets.get(parts[1]) ?? []));
      return;
    }
    if (parts[0] !== 'r' || !parts[1]) {
      res.writeHead(404).end();
      return;
    }
    const bucket = parts[1];
    const behaviour = parts[2] ?? 'ok';
    const list = buckets.get(bucket) ?? [];
    list.push({
      method: req.method ?? 'GET',
      path: url.pathname + url.search,
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')])),
      body: await readBody(req),
      receivedAt: Date.now(),
    });
    buckets.set(bucket, list);
    switch (behaviour) {
      case 'ok':
        res.writeHead(200, { 'content-type': 'text/plain' }).end('received');
        return;
      case 'fail':
        res.writeHead(500, { 'content-type': 'text/plain' }).end('receiver exploded: ' + 'x'.repeat(2000));
        return;
      case 'rate':
        res.writeHead(429, { 'retry-after': '2' }).end('slow down');
        return;
      case 'unavailable':
        res.writeHead(503, { 'retry-after': '3' }).end('maintenance');
        return;
      case 'gone':
        res.writeHead(410).end('gone');
        return;
      case 'hold': {
        const count = inflight.get(bucket) ?? { now: 0, max: 0 };
        count.now += 1;
        count.max = Math.max(count.max, count.now);
        inflight.set(bucket, count);
        setTimeout(() => {
          count.now -= 1;
          res.writeHead(200).end('held');
        }, 300).unref();
        return;
      }
      case 'hang':
        setTimeout(() => res.writeHead(200).end('too late'), 10_000).unref();
        return;
      case 'redirect':
        res.writeHead(302, { location: `/r/${bucket}/ok` }).end();
        return;
      case 'slow': {
        res.writeHead(200, { 'content-type': 'text/plain' });
        let n = 0;
        const timer = setInterval(() => {
          res.write('.');
          if (++n >= 30) {
            clearInterval(timer);
            res.end();
          }
        }, 100);
        timer.unref();
        return;
      }
      case 'tryon-done':
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'done', url: 'https://cdn.tryon.example/result.jpg', score: 0.93 }));
        return;
      case 'tryon-error':
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'error', error: 'Human body is not recognized' }));
        return;
      case 'tryon-accept':
        res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'accepted' }));
        return;
      case 'flaky':
        if (list.length === 1) res.writeHead(500).end('first one fails');
        else res.writeHead(200).end('ok now');
        return;
      default:
        res.writeHead(400).end('unknown behaviour');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  project.provide('receiverUrl', `http://127.0.0.1:${port}`);
}

export async function teardown(): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
