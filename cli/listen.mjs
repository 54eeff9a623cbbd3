// `shelfsync webhooks listen`: a loopback receiver that checks each delivery's Standard Webhooks
// signature, prints one line per event and forwards it (body + webhook-* headers) to a local URL.
import { createServer } from 'node:http';
import standardwebhooks from 'standardwebhooks';

const UNITS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/** The server refuses an expiry further than this (webhooks/expiry.ts). */
export const MAX_EXPIRY_MS = 7 * UNITS.d;

/** "90s", "30m", "2h", "1d" -> ms; null when it is not such a duration or is outside (0, 7 days]. */
export function parseDuration(text) {
  const m = /^(\d+)([smhd])$/.exec(String(text).trim());
  if (!m) return null;
  const ms = Number(m[1]) * UNITS[m[2]];
  return ms > 0 && ms <= MAX_EXPIRY_MS ? ms : null;
}

/** "product.*,image.*" -> ['product.*', 'image.*'] (empty parts dropped). */
export function parseEvents(text) {
  return String(text).split(',').map((s) => s.trim()).filter(Boolean);
}

/** The printed line: `<time> <type> <productId or id> -> <forward status>`. */
export function eventLine(at, payload, webhookId, forwardStatus) {
  const data = payload?.data ?? {};
  const subject = data.productId ?? data.id ?? webhookId;
  return `${at.toISOString()} ${payload?.type ?? 'unknown'} ${subject} -> ${forwardStatus}`;
}

/**
 * Shelfsync gives up on an attempt after 15 s (DELIVERY_TIMEOUT_MS's default): a slower local app is
 * cut off before that, so Shelfsync records the forward's failure (and retries) rather than a timeout.
 */
const FORWARD_TIMEOUT_MS = 10_000;

const FORWARDED = ['webhook-id', 'webhook-timestamp', 'webhook-signature', 'content-type'];

/**
 * Starts the receiver on 127.0.0.1 (`port` 0: any free one). `secret()` gives the endpoint's secret
 * (known only once the endpoint exists, after the port is). Each verified delivery is forwarded;
 * Shelfsync gets the forward target's status back (502 when it cannot be reached), so a failing
 * local app sees Shelfsync's retries as it would in production. A delivery whose signature does not
 * verify gets 400 and is not forwarded.
 */
export function startReceiver({ port = 0, forwardTo, secret, print, warn }) {
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks).toString('utf8');
    const headers = Object.fromEntries(FORWARDED.filter((h) => req.headers[h] !== undefined).map((h) => [h, String(req.headers[h])]));
    let payload;
    try {
      payload = new standardwebhooks.Webhook(secret()).verify(body, headers);
    } catch (err) {
      warn(`${new Date().toISOString()} rejected ${headers['webhook-id'] ?? '(no webhook-id)'}: ${err.message}`);
      res.writeHead(400).end();
      return;
    }
    let status;
    try {
      const answer = await fetch(forwardTo, { method: 'POST', headers, body, signal: AbortSignal.timeout(FORWARD_TIMEOUT_MS) });
      await answer.arrayBuffer();
      status = answer.status;
    } catch (err) {
      status = `failed (${err.cause?.code ?? err.message})`;
    }
    print(eventLine(new Date(), payload, headers['webhook-id'], status));
    res.writeHead(typeof status === 'number' ? status : 502).end();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
