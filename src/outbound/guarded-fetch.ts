/**
 * The one way Shelfsync talks to the outside: every hop judged by the guard, redirects followed by
 * hand (each target re-judged, at most `maxRedirects`), a timeout over the whole exchange, and a
 * byte cap enforced while the body streams in (Content-Length is not trusted).
 */
import { judgeUrl, type OutboundPolicy, type Verdict } from './policy';

export interface GuardedFetchOptions {
  policy: OutboundPolicy;
  timeoutMs: number;
  maxBytes: number;
  /** 0 = a redirect is an answer like any other (webhooks); images follow up to 3. */
  maxRedirects: number;
  requireHttps?: boolean;
  /** The first URL is a stored webhook or processor target (see JudgeOptions); redirect hops never are. */
  storedTarget?: boolean;
  init?: RequestInit;
  /**
   * Verdicts on first-hop targets already judged under this same policy and options (one map per
   * delivery batch: ten endpoints are judged once each, not once per delivery). Redirect hops are
   * always judged afresh.
   */
  firstHopVerdicts?: Map<string, Verdict>;
  /** What sends a request that passed the guard (tests record attempts with it); the global fetch by default. */
  fetcher?: (url: string, init: RequestInit) => Promise<Response>;
  /**
   * Where the exchange's timeout signal comes from: one that fires no sooner than `timeoutMs` after
   * this call (SharedTimeouts: many requests share one timer). A fresh `AbortSignal.timeout` by default.
   */
  timeouts?: { signal(): AbortSignal };
}

export type GuardedResult =
  | { ok: true; status: number; headers: Headers; body: Uint8Array; url: string; truncated: boolean }
  | { ok: false; kind: 'refused' | 'timeout' | 'too_large' | 'network' | 'redirects'; message: string };

// No closures are made per call here or in readCapped: the bundle wraps every named function
// expression in a `__name()` property write, which cost 1.5% of the delivery isolate's CPU in the
// webhooks bench's burst (with the per-call `judge`/`send`/`onAbort` closures this function had).
export async function guardedFetch(target: string, options: GuardedFetchOptions, readLimit?: 'truncate'): Promise<GuardedResult> {
  const signal = options.timeouts ? options.timeouts.signal() : AbortSignal.timeout(options.timeoutMs);
  let url = target;
  for (let hop = 0; ; hop++) {
    let verdict: Verdict | undefined = hop === 0 ? options.firstHopVerdicts?.get(url) : undefined;
    if (verdict === undefined) {
      verdict = judgeUrl(url, options.policy, { requireHttps: options.requireHttps ?? false, storedTarget: hop === 0 && options.storedTarget === true });
      if (hop === 0) options.firstHopVerdicts?.set(url, verdict);
    }
    if (!verdict.ok) return { ok: false, kind: 'refused', message: `refused ${hop > 0 ? 'redirect ' : ''}target: ${verdict.reason}` };
    let response: Response;
    try {
      const init: RequestInit = { ...options.init, redirect: 'manual', signal };
      const href = hrefOf(verdict.url);
      response = await (options.fetcher ? options.fetcher(href, init) : fetch(href, init));
    } catch (err) {
      if (signal.aborted) return { ok: false, kind: 'timeout', message: `no answer within ${options.timeoutMs} ms` };
      return { ok: false, kind: 'network', message: `could not connect: ${(err as Error).message}` };
    }
    const location = response.headers.get('location');
    if (options.maxRedirects > 0 && response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      if (hop >= options.maxRedirects) return { ok: false, kind: 'redirects', message: `more than ${options.maxRedirects} redirects` };
      url = new URL(location, verdict.url).toString();
      continue;
    }
    // No body (a 204): nothing to read, and no reader, listener or extra await per request.
    if (response.body === null) return { ok: true, status: response.status, headers: response.headers, body: EMPTY, url, truncated: false };
    try {
      const read = await readCapped(response, options.maxBytes, readLimit === 'truncate', signal);
      if (!read) return { ok: false, kind: 'too_large', message: `the response is larger than ${options.maxBytes} bytes` };
      return { ok: true, status: response.status, headers: response.headers, body: read.body, url, truncated: read.truncated };
    } catch {
      if (signal.aborted) return { ok: false, kind: 'timeout', message: `no complete answer within ${options.timeoutMs} ms` };
      return { ok: false, kind: 'network', message: 'the connection broke while reading the answer' };
    }
  }
}

/** Reads at most `max` bytes; beyond that either truncates (logs) or gives up (null). */
async function readCapped(response: Response, max: number, truncate: boolean, signal: AbortSignal): Promise<{ body: Uint8Array; truncated: boolean } | null> {
  if (!response.body) return { body: EMPTY, truncated: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const onAbort = cancelOnAbort.bind(null, reader);
  signal.addEventListener('abort', onAbort);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (signal.aborted) throw new Error('aborted');
      if (done) break;
      if (size + value.byteLength > max) {
        await reader.cancel();
        if (!truncate) return null;
        chunks.push(value.subarray(0, max - size));
        size = max;
        return { body: concat(chunks, size), truncated: true };
      }
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  return { body: concat(chunks, size), truncated: false };
}

const EMPTY = new Uint8Array(0);

/**
 * The judged URL as the string that is sent, serialised once per URL object: a verdict reused for
 * every delivery to an endpoint (firstHopVerdicts) was serialised again per request, 0.7% of the
 * delivery isolate's CPU in the webhooks bench's burst. URLs are never changed after judging.
 */
const hrefs = new WeakMap<URL, string>();
function hrefOf(url: URL): string {
  let href = hrefs.get(url);
  if (href === undefined) hrefs.set(url, (href = url.href));
  return href;
}

function cancelOnAbort(reader: ReadableStreamDefaultReader<Uint8Array>): void {
  reader.cancel().catch(ignore);
}

function ignore(): void {}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
