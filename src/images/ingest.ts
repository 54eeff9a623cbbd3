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
import { CLAIM_IMAGES, IMAGE_AWAITS_CALLBACK, IMAGE_NOT_DONE, IMAGE_PROCESSED, REFRESH_ONE_PRODUCT_STATUS } from './processing-status.queries';
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

/** Processes the due images of the message's products; returns seconds until the next retry is due, or null. */
/** `limits`: the worker's image options, resolved once at the composition root. */
export async function ingestMessage(env: Env, message: IngestMessage, limits: ImageLimits): Promise<number | null> {
  let retryIn: number | null = null;
  for (const productId of productsOf(message)) {
    const wait = await ingestProduct(env, { ...message, productId, productIds: undefined }, limits);
    if (wait !== null) retryIn = Math.min(retryIn ?? Infinity, wait);
  }
  return retryIn;
}

/** Processes one product's due images; returns seconds until the next retry is due, or null. */
export async function ingestProduct(env: Env, message: IngestMessage & { productId: string }, limits: ImageLimits, now = Date.now()): Promise<number | null> {
  const db = env.DB;
  const { tenantId, productId } = message;
  const lease = now + LEASE_MS + Math.floor(Math.random() * 1000);
  const { results: claimed } = await db.prepare(CLAIM_IMAGES).bind(tenantId, productId, now, lease).all<ClaimedImage>();
  if (claimed.length > 0) await db.prepare(REFRESH_ONE_PRODUCT_STATUS).bind(tenantId, productId).run();

  let retryIn: number | null = null;
  for (const image of claimed) {
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
      retryIn = Math.min(retryIn ?? Infinity, Math.ceil(wait / 1000));
      statements.push(db.prepare(IMAGE_NOT_DONE).bind(image.id, lease, at, outcome.error, 'pending', at + wait));
    }
    statements.push(...settleProductStatements(db, tenantId, productId, at));
    await db.batch(statements);
  }
  return retryIn;
}

function dhashParams(dhash: string | null): [string | null, number | null, number | null, number | null, number | null] {
  if (!dhash) return [null, null, null, null, null];
  return [dhash, parseInt(dhash.slice(0, 4), 16), parseInt(dhash.slice(4, 8), 16), parseInt(dhash.slice(8, 12), 16), parseInt(dhash.slice(12, 16), 16)];
}
