/**
 * The ingest consumer: one message per product (never one per image), images processed one at a
 * time (a decode can take most of the isolate's 128 MB, and wasm memory never shrinks).
 *
 * Per image: claim -> fetch (or reuse) -> probe (magic bytes, every frame header, decode budget,
 * PNG compressed chunks' inflated size:
 * refused here, before anything is stored or decoded, unless the Images binding can take it) -> store in R2 ->
 * processors (derivatives, dhash, pipelines) -> record status, an `image.processed` / `image.failed`
 * event, the product's aggregate status and, when the round is over, `product.processed`.
 * Transient failures go back to `pending` with a backoff and the message is retried; permanent ones
 * are per-image errors with a clear text.
 */
import { leasedImageEventStatements } from '../events/outbox';
import type { Env, IngestMessage } from '../env';
import { fetchImageSource } from './fetch-source';
import {
  UPSERT_BLOB,
  UPSERT_URL_CACHE,
} from './ingest.queries';
import { CLAIM_IMAGES, IMAGE_AWAITS_CALLBACK, IMAGE_NOT_DONE, IMAGE_PROCESSED, REFRESH_ONE_PRODUCT_STATUS, RELEASE_CLAIMS } from './processing-status.queries';
import { StatementBudget } from './ingest-budget';
import { urlBase, signedImageUrl } from './image-url';
import { settleProductStatements } from './processing-status';
import { checkAncillary } from './png-ancillary';
import { checkLimits, type ImageLimits, type Probe, probeImage } from './probe';
import { CALLBACK_WAIT_MS, runProcessors, type ProcessorOutput } from './processors/registry';
import { blobKey, storeOriginal } from './store';

const LEASE_MS = 5 * 60_000;
export const MAX_IMAGE_ATTEMPTS = 5;

interface ClaimedImage {
  id: string;
  key: string;
  source: string;
  pipelines: string;
  attempts: number;
}

type Outcome =
  | { kind: 'done'; sha256: string; probe: Probe; bytes: number; output: ProcessorOutput; cache: { url: string; etag: string | null; lastModified: string | null } | null }
  | { kind: 'error'; error: string }
  | { kind: 'retry'; error: string }
  /** A pipeline service will call back: the image stays `processing` until then. */
  | { kind: 'waiting'; sha256: string; probe: Probe; bytes: number };

async function processOne(env: Env, tenantId: string, image: ClaimedImage, refresh: boolean, limits: ImageLimits): Promise<Outcome> {
  const source = JSON.parse(image.source) as { url?: string; sha256?: string };
  if (source.sha256) return processUploaded(env, tenantId, image, source.sha256, limits);
  if (!source.url) return { kind: 'error', error: 'This image has no source Shelfsync can read' };

  let fetched = await fetchImageSource(env, tenantId, source.url, limits.maxBytes, refresh);
  if (fetched.kind === 'error') return { kind: fetched.transient ? 'retry' : 'error', error: fetched.error };

  let sha256: string;
  let probe: Probe;
  let size: number;
  let bytes: Uint8Array | null = null;
  let cache: { url: string; etag: string | null; lastModified: string | null } | null = null;
  if (fetched.kind === 'cached') {
    const blob = await env.DB.prepare('SELECT format, width, height, frames, bytes FROM blobs WHERE tenant_id = ?1 AND sha256 = ?2')
      .bind(tenantId, fetched.sha256)
      .first<{ format: Probe['format']; width: number; height: number; frames: number; bytes: number }>();
    if (!blob) {
      fetched = await fetchImageSource(env, tenantId, source.url, limits.maxBytes, true);
      if (fetched.kind !== 'bytes') return { kind: 'error', error: fetched.kind === 'error' ? fetched.error : 'The image could not be fetched again' };
    } else {
      sha256 = fetched.sha256;
      // Stored earlier, so it passed the limits then; processors probe the bytes again before decoding.
      probe = { format: blob.format, width: blob.width, height: blob.height, frames: blob.frames, frameArea: blob.width * blob.height, bytesPerPixel: 4 };
      size = blob.bytes;
    }
  }
  if (fetched.kind === 'bytes') {
    bytes = fetched.bytes;
    const probed = probeImage(bytes);
    if (!probed.ok) return { kind: 'error', error: probed.error };
    const tooBig = checkLimits(probed.probe, bytes.length, limits, env.IMAGE_TRANSFORMS !== undefined) ?? (await checkAncillary(probed.probe.format, bytes));
    if (tooBig) return { kind: 'error', error: tooBig };
    probe = probed.probe;
    size = bytes.length;
    sha256 = await storeOriginal(env.IMAGES, tenantId, bytes, probe.format);
    cache = { url: source.url, etag: fetched.etag, lastModified: fetched.lastModified };
  }

  const pipelines = JSON.parse(image.pipelines) as Record<string, boolean>;
  const output = await runProcessors(env, { tenantId, imageId: image.id, sha256: sha256!, probe: probe!, bytes, pipelines, limits });
  if (output.transient) return { kind: 'retry', error: output.error ?? 'A processor is temporarily unavailable' };
  if (output.waiting && !output.error) return { kind: 'waiting', sha256: sha256!, probe: probe!, bytes: size! };
  return { kind: 'done', sha256: sha256!, probe: probe!, bytes: size!, output, cache };
}

/** Bytes uploaded with the write: already in R2 under their hash; probe and process them. */
async function processUploaded(env: Env, tenantId: string, image: ClaimedImage, sha256: string, limits: ImageLimits): Promise<Outcome> {
  const object = await env.IMAGES.get(blobKey(tenantId, sha256));
  if (!object) return { kind: 'error', error: 'The uploaded bytes are missing' };
  const bytes = new Uint8Array(await object.arrayBuffer());
  const probed = probeImage(bytes);
  if (!probed.ok) return { kind: 'error', error: probed.error };
  const tooBig = checkLimits(probed.probe, bytes.length, limits, env.IMAGE_TRANSFORMS !== undefined) ?? (await checkAncillary(probed.probe.format, bytes));
  if (tooBig) return { kind: 'error', error: tooBig };
  const pipelines = JSON.parse(image.pipelines) as Record<string, boolean>;
  const output = await runProcessors(env, { tenantId, imageId: image.id, sha256, probe: probed.probe, bytes, pipelines, limits });
  if (output.transient) return { kind: 'retry', error: output.error ?? 'A processor is temporarily unavailable' };
  if (output.waiting && !output.error) return { kind: 'waiting', sha256, probe: probed.probe, bytes: bytes.length };
  return { kind: 'done', sha256, probe: probed.probe, bytes: bytes.length, output, cache: null };
}

function backoffMs(attempts: number): number {
  return Math.min(15 * 60_000, 2 ** attempts * 5_000);
}

export function productsOf(message: IngestMessage): string[] {
  return [...(message.productIds ?? []), ...(message.productId ? [message.productId] : [])];
}

/** Images claimed at once at most: one claim per product of the usual size (maxImagesPerProduct 20). */
const MAX_CLAIM = 20;
/**
 * D1 statements kept back for each image before claiming or starting it, at least. Measured
 * (test/limits): 11.2 an image on the error path, claims included; a done image adds its blob and URL
 * cache rows and its processors' result reads and writes. The budget raises it to the most one image
 * of the invocation has cost.
 */
const IMAGE_RESERVE = 16;
/** A claim and the product's status after it. */
const CLAIM_COST = 2;
/** Giving back claims not started: the release and the product's status, one batch. */
const RELEASE_COST = 2;

/**
 * Processes the due images of the message's products while `budget` lasts (one budget per consumer
 * invocation, shared by its messages). Returns seconds until the next backoff retry is due, or null,
 * and whether the rest was handed off: then new messages carry the products not finished (due at
 * once) and those waiting on a backoff (due then), and this message is done with.
 * `limits`: the worker's image options, resolved once at the composition root.
 */
export async function ingestMessage(env: Env, message: IngestMessage, limits: ImageLimits, budget = new StatementBudget()): Promise<{ retryIn: number | null; handedOff: boolean }> {
  let retryIn: number | null = null;
  const products = productsOf(message);
  const backoff: string[] = [];
  for (let i = 0; i < products.length; i++) {
    const productId = products[i]!;
    const progress = await ingestProduct(env, { ...message, productId, productIds: undefined }, limits, budget);
    if (progress.retryIn !== null) {
      retryIn = Math.min(retryIn ?? Infinity, progress.retryIn);
      backoff.push(productId);
    }
    if (!progress.finished) {
      await handOff(env, message, products.slice(i), retryIn === null ? null : { productIds: backoff, delaySeconds: retryIn });
      return { retryIn, handedOff: true };
    }
  }
  return { retryIn, handedOff: false };
}

/**
 * The rest of a message whose invocation ran out of budget, as new messages (a retry would count
 * against the queue's max_retries: a 1,000-image message needs a dozen invocations and would be
 * dead-lettered). The body is kept as it was (refresh and any routing fields) but for its products.
 * If the send fails the caller retries the whole message: what was done stays done (claims are leases).
 */
async function handOff(env: Env, message: IngestMessage, unfinished: string[], backoff: { productIds: string[]; delaySeconds: number } | null): Promise<void> {
  const { productId: _one, productIds: _many, ...rest } = message;
  const messages: MessageSendRequest<IngestMessage>[] = [{ body: { ...rest, productIds: unfinished } }];
  if (backoff) messages.push({ body: { ...rest, productIds: backoff.productIds }, delaySeconds: backoff.delaySeconds });
  await env.INGEST_QUEUE.sendBatch(messages);
}

/**
 * Processes one product's due images while `budget` lasts, claiming no more than it can finish.
 * `retryIn`: seconds until an image's backoff retry is due, or null; `finished`: no due image left
 * (false: the budget ran out first, and the product's unstarted images are due again).
 */
export async function ingestProduct(
  env: Env,
  message: IngestMessage & { productId: string },
  limits: ImageLimits,
  budget = new StatementBudget(),
): Promise<{ retryIn: number | null; finished: boolean }> {
  const metered: Env = { ...env, DB: budget.meter(env.DB) };
  const db = metered.DB;
  const { tenantId, productId } = message;
  let retryIn: number | null = null;
  let statusShown = false;
  for (;;) {
    const room = Math.min(MAX_CLAIM, Math.floor((budget.remaining - CLAIM_COST - RELEASE_COST) / budget.imageReserve(IMAGE_RESERVE)));
    if (room < 1) return { retryIn, finished: false };
    const now = Date.now();
    const lease = now + LEASE_MS + Math.floor(Math.random() * 1000);
    const { results: claimed } = await db.prepare(CLAIM_IMAGES).bind(tenantId, productId, now, lease, room).all<ClaimedImage>();
    if (claimed.length === 0) return { retryIn, finished: true };
    if (!statusShown) {
      await db.prepare(REFRESH_ONE_PRODUCT_STATUS).bind(tenantId, productId).run();
      statusShown = true;
    }
    for (let i = 0; i < claimed.length; i++) {
      if (budget.remaining < budget.imageReserve(IMAGE_RESERVE) + RELEASE_COST) {
        // An image cost more than its reserve: give back what cannot be finished now.
        await db.batch([
          db.prepare(RELEASE_CLAIMS).bind(JSON.stringify(claimed.slice(i).map((image) => image.id)), lease, Date.now()),
          db.prepare(REFRESH_ONE_PRODUCT_STATUS).bind(tenantId, productId),
        ]);
        return { retryIn, finished: false };
      }
      const before = budget.spent;
      const wait = await ingestImage(metered, message, claimed[i]!, lease, limits);
      budget.noteImageCost(budget.spent - before);
      if (wait !== null) retryIn = Math.min(retryIn ?? Infinity, wait);
    }
    if (claimed.length < room) return { retryIn, finished: true };
  }
}

/** Processes one claimed image and records its outcome; returns seconds until its retry is due, or null. */
async function ingestImage(env: Env, message: IngestMessage & { productId: string }, image: ClaimedImage, lease: number, limits: ImageLimits): Promise<number | null> {
  const db = env.DB;
  const { tenantId, productId } = message;
  let retryIn: number | null = null;
  let outcome: Outcome;
  try {
    outcome = await processOne(env, tenantId, image, message.refresh ?? false, limits);
  } catch (err) {
    console.error(JSON.stringify({ level: 'error', message: 'image processing crashed', imageId: image.id, error: String((err as Error)?.stack ?? err) }));
    outcome = { kind: 'retry', error: 'Processing failed unexpectedly' };
  }
  if (outcome.kind === 'retry' && image.attempts >= MAX_IMAGE_ATTEMPTS) {
    outcome = { kind: 'error', error: `${outcome.error} (gave up after ${image.attempts} attempts)` };
  }
  const at = Date.now();
  const statements: D1PreparedStatement[] = [];
  if (outcome.kind === 'done') {
    const { probe, output, sha256 } = outcome;
    const url = await signedImageUrl(env, urlBase(env), { id: image.id, sha256, status: output.error ? 'error' : 'done' });
    // Pipeline outputs (a try-on result's URL) ride along, so receivers need not ask for them.
    const outputs = Object.fromEntries(
      Object.entries(output.results).flatMap(([name, result]) => {
        const out = (result as { url?: unknown }).url;
        return typeof out === 'string' ? [[name, out]] : [];
      }),
    );
    const data = {
      productId, imageId: image.key, id: image.id, status: output.error ? 'error' : 'done',
      ...(output.error ? { error: output.error } : { url }),
      ...(Object.keys(outputs).length > 0 ? { outputs } : {}),
    };
    statements.push(
      db.prepare(UPSERT_BLOB).bind(tenantId, sha256, probe.format, probe.width, probe.height, probe.frames, outcome.bytes, at),
      ...leasedImageEventStatements(db, { tenantId, imageId: image.id, lease }, output.error ? 'image.failed' : 'image.processed', data, at),
    );
    if (outcome.cache) statements.push(db.prepare(UPSERT_URL_CACHE).bind(tenantId, outcome.cache.url, sha256, outcome.cache.etag, outcome.cache.lastModified, at));
    statements.push(
      db.prepare(IMAGE_PROCESSED).bind(
        image.id, lease, at, sha256, probe.format, probe.width, probe.height, outcome.bytes, JSON.stringify(output.results),
        ...dhashParams(output.dhash), output.error ? 'error' : 'done', output.error,
      ),
    );
  } else if (outcome.kind === 'error') {
    const data = { productId, imageId: image.key, id: image.id, status: 'error', error: outcome.error };
    statements.push(
      ...leasedImageEventStatements(db, { tenantId, imageId: image.id, lease }, 'image.failed', data, at),
      db.prepare(IMAGE_NOT_DONE).bind(image.id, lease, at, outcome.error, 'error', null),
    );
  } else if (outcome.kind === 'waiting') {
    // Keep the claim alive until the callback is due: the callback (or the sweep, after the wait)
    // puts the image back in line.
    statements.push(
      db.prepare(UPSERT_BLOB).bind(tenantId, outcome.sha256, outcome.probe.format, outcome.probe.width, outcome.probe.height, outcome.probe.frames, outcome.bytes, at),
      db.prepare(IMAGE_AWAITS_CALLBACK).bind(image.id, lease, outcome.sha256, at + CALLBACK_WAIT_MS, at),
    );
  } else {
    const wait = backoffMs(image.attempts);
    retryIn = Math.ceil(wait / 1000);
    statements.push(db.prepare(IMAGE_NOT_DONE).bind(image.id, lease, at, outcome.error, 'pending', at + wait));
  }
  statements.push(...settleProductStatements(db, tenantId, productId, at));
  await db.batch(statements);
  return retryIn;
}

function dhashParams(dhash: string | null): [string | null, number | null, number | null, number | null, number | null] {
  if (!dhash) return [null, null, null, null, null];
  return [dhash, parseInt(dhash.slice(0, 4), 16), parseInt(dhash.slice(4, 8), 16), parseInt(dhash.slice(8, 12), 16), parseInt(dhash.slice(12, 16), 16)];
}
