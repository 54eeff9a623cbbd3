/**
 * The local counterpart of the bench Worker's outbound traffic (bench/images.mjs, bench/webhooks.mjs):
 * a Node HTTP server on 127.0.0.1:0 (BENCH_FIXTURES_PORT pins the port), in the bench script's own
 * process (workerd cannot listen).
 *
 *   GET  /img/{name}        an image registered with `addImage(name, bytes)` (image/jpeg); counted;
 *                           answered after `imageDelayMs` (default 0: a slow image host)
 *   POST /hook/{endpoint}   a webhook delivery: answered 204 at once, then handed to `onDelivery`
 *                           with its arrival time (ms since the epoch, taken when the body has arrived)
 *   GET  /health            200
 *
 * Keep-alive is on and nothing slow runs on the request path, so the receiver is never the
 * bottleneck it measures (a delivery costs ~0.1 ms of this process).
 */
import { createServer } from 'node:http';

export async function startFixtures({ onDelivery = () => {}, imageDelayMs = 0 } = {}) {
  const images = new Map();
  const counts = { imageRequests: 0, imageMisses: 0, deliveries: 0 };
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path.startsWith('/img/')) {
      const bytes = images.get(decodeURIComponent(path.slice(5)));
      counts.imageRequests += 1;
      req.resume();
      if (!bytes) {
        counts.imageMisses += 1;
        res.writeHead(404, { 'content-type': 'text/plain' }).end('no such image');
        return;
      }
      const send = () => res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': bytes.length, 'cache-control': 'no-store' }).end(bytes);
      if (imageDelayMs > 0) setTimeout(send, imageDelayMs);
      else send();
      return;
    }
    if (req.method === 'POST' && path.startsWith('/hook/')) {
      const chunks = [];
      req.on('data', (chunk) => chunks.push(chunk));
      req.on('end', () => {
        const arrivedAt = Date.now();
        counts.deliveries += 1;
        res.writeHead(204).end();
        onDelivery({ endpoint: decodeURIComponent(path.slice(6)), arrivedAt, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      });
      return;
    }
    req.resume();
    if (path === '/health') res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 65_000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(Number(process.env.BENCH_FIXTURES_PORT) || 0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    counts,
    addImage: (name, bytes) => images.set(name, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
