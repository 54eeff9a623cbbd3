/**
 * Image processors: named steps with one interface, run after an image's bytes are stored.
 * Built in and always run: `derivatives` (thumb 256 px, medium 1200 px, WebP) and `dhash`. Pipelines
 * (`tryOn`, `localization`, ...) run when an image asks for them, on the external service the
 * tenant configured; asking for one nobody configured is a per-image error, never a silent skip.
 *
 * Results are kept per (tenant, sha256, processor, configuration): identical bytes are processed once,
 * while every image still gets its own status and event.
 */
import type { PhotonImage } from '@cf-wasm/photon';
import type { Env } from '../../env';
import type { ImageLimits, Probe } from '../probe';
import { blobKey } from '../store';
import { type Decoded, fits, fitWithin } from './decode';
import { decodeForProcessing, ImageRefused, TransformUnavailable } from './decode-source';
import { derivativesProcessor } from './derivatives';
import { dhashProcessor } from './dhash-processor';
import { externalProcessor, findPipelineService } from './external';
import type { Processor, ProcessorContext, ProcessorResult } from './processor';
import { findResults, type ProcessorResultRow, saveResult, saveResultStatement, saveResults } from './processors.repository';

export type { Processor, ProcessorContext, ProcessorResult };

export interface ProcessorInput {
  tenantId: string;
  imageId: string;
  sha256: string;
  probe: Probe;
  bytes: Uint8Array | null;
  pipelines: Record<string, boolean>;
  /** The worker's image options (decode budget), resolved once at the composition root. */
  limits: ImageLimits;
}

export interface ProcessorOutput {
  results: Record<string, unknown>;
  dhash: string | null;
  /** The first failed processor's text: the image ends `error` with it. */
  error: string | null;
  transient: boolean;
  /** A service accepted the job and will call back: the image waits in `processing`. */
  waiting: boolean;
}

export const builtinProcessors: Processor[] = [derivativesProcessor, dhashProcessor];

/**
 * One image's processors at a time per isolate: queue invocations can share an isolate, and two
 * decodes at once could need more than its 128 MB (wasm memory grows and never shrinks).
 */
let lane: Promise<unknown> = Promise.resolve();

export function runProcessors(env: Env, input: ProcessorInput): Promise<ProcessorOutput> {
  const run = lane.then(() => runProcessorsNow(env, input));
  lane = run.catch(() => undefined);
  return run;
}

async function runProcessorsNow(env: Env, input: ProcessorInput): Promise<ProcessorOutput> {
  let bytes = input.bytes;
  let decoded: Decoded | null = null;
  const fitted = new Map<number, PhotonImage>();
  const ctx: ProcessorContext = {
    env,
    tenantId: input.tenantId,
    imageId: input.imageId,
    sha256: input.sha256,
    probe: input.probe,
    async bytes() {
      if (!bytes) {
        const object = await env.IMAGES.get(blobKey(input.tenantId, input.sha256));
        if (!object) throw new Error('the stored original is missing');
        bytes = new Uint8Array(await object.arrayBuffer());
      }
      return bytes;
    },
    async decoded() {
      decoded ??= await decodeForProcessing(env, await ctx.bytes(), input.limits);
      return decoded;
    },
    async fitted(side) {
      const source = await ctx.decoded();
      // Already small enough: the decoded image itself (freed with it), not a resized copy of it.
      if (fits(source, side)) return source.image;
      let image = fitted.get(side);
      if (!image) fitted.set(side, (image = fitWithin(source, side)));
      return image;
    },
  };

  const processors: Processor[] = [...builtinProcessors];
  const output: ProcessorOutput = { results: {}, dhash: null, error: null, transient: false, waiting: false };
  for (const [name, wanted] of Object.entries(input.pipelines)) {
    if (!wanted) continue;
    const service = await findPipelineService(env.DB, input.tenantId, name);
    if (!service) {
      output.results[name] = { status: 'error', error: `No processor is configured for the "${name}" pipeline` };
      output.error ??= `No processor is configured for the "${name}" pipeline`;
      continue;
    }
    processors.push(externalProcessor(service));
  }

  // One round trip for every processor's cached result, and the built-in steps' outcomes saved
  // together at the end (an external service's outcome is saved at once: its callback may race it).
  const cached = await findResults(env.DB, input.tenantId, input.sha256, processors.map((p) => ({ processor: p.name, configHash: p.configHash })));
  const saves: D1PreparedStatement[] = [];
  try {
    for (const processor of processors) {
      const result = await runCached(env, input, processor, ctx, cached.get(`${processor.name}/${processor.configHash}`) ?? null, builtinProcessors.includes(processor) ? saves : null);
      if (result.ok === 'waiting') {
        output.waiting = true;
        output.results[processor.name] = { status: 'processing' };
      } else if (result.ok) {
        output.results[processor.name] = result.result;
        if (processor.name === 'dhash') output.dhash = String(result.result.hash);
      } else {
        output.results[processor.name] = { status: 'error', error: result.error };
        if (result.transient) output.transient = true;
        output.error ??= result.error;
      }
    }
    await saveResults(env.DB, saves);
  } finally {
    // Free the wasm-side pixels now: the next image must find the memory available.
    for (const image of fitted.values()) image.free();
    (decoded as Decoded | null)?.image.free();
  }
  if (output.transient) output.error ??= 'A processor is temporarily unavailable';
  return output;
}

/** `saves`: where to put the outcome's statement for a later batch; null saves it now. */
async function runCached(env: Env, input: ProcessorInput, processor: Processor, ctx: ProcessorContext, cached: ProcessorResultRow | null, saves: D1PreparedStatement[] | null): Promise<ProcessorResult> {
  const key = { tenantId: input.tenantId, sha256: input.sha256, processor: processor.name, configHash: processor.configHash };
  if (cached?.status === 'done') return { ok: true, result: JSON.parse(cached.result ?? '{}') as Record<string, unknown> };
  if (cached?.status === 'error') return { ok: false, error: cached.error ?? 'failed', transient: false };
  // Accepted earlier and not called back yet: wait (the sweep re-sends the job if the wait runs out).
  if (cached?.status === 'pending' && Date.now() - cached.updated_at < CALLBACK_WAIT_MS) return { ok: 'waiting' };

  let result: ProcessorResult;
  const maxWaits = processorMaxWaits(env);
  if (cached?.status === 'pending' && cached.waits >= maxWaits) {
    // A service that accepts every time and never calls back would be sent the job forever.
    result = { ok: false, error: `The ${processor.name} service accepted the job ${cached.waits} times but never called back`, transient: false };
  } else {
    try {
      result = await processor.run(ctx);
    } catch (err) {
      if (err instanceof ImageRefused) {
        result = { ok: false, error: err.message, transient: false };
      } else {
        console.error(JSON.stringify({ level: 'error', message: 'processor crashed', processor: processor.name, error: String((err as Error)?.stack ?? err) }));
        result = err instanceof TransformUnavailable
          ? { ok: false, error: 'Image resizing is temporarily unavailable', transient: true }
          : { ok: false, error: `The ${processor.name} step could not process this image`, transient: false };
      }
    }
  }
  if (result.ok === true || result.ok === 'waiting' || !result.transient) {
    const now = Date.now();
    const status = result.ok === 'waiting' ? 'pending' : result.ok ? 'done' : 'error';
    const outcome = { status, result: result.ok === true ? JSON.stringify(result.result) : null, error: result.ok === false ? result.error : null } as const;
    if (saves) saves.push(saveResultStatement(env.DB, key, outcome, now));
    else await saveResult(env.DB, key, outcome, now);
  }
  return result;
}

/** How long an image waits for a service's callback before the job is sent again. */
export const CALLBACK_WAIT_MS = 3_600_000;

/** Accepted (202) answers after which, with no callback, the image ends `error` (PROCESSOR_MAX_WAITS). */
export const DEFAULT_PROCESSOR_MAX_WAITS = 3;

export function processorMaxWaits(env: Pick<Env, 'PROCESSOR_MAX_WAITS'>): number {
  const value = Number(env.PROCESSOR_MAX_WAITS);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_PROCESSOR_MAX_WAITS;
}
