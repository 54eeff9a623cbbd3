/**
 * What an image processor is: a named step with one interface, run by the registry after an image's
 * bytes are stored. The built-in and external processors implement it; the registry runs them.
 */
import type { Env } from '../../env';
import { sha256Hex } from '../../lib/crypto';
import type { Probe } from '../probe';
import type { PhotonImage } from '@cf-wasm/photon';
import type { Decoded } from './decode';

export type ProcessorResult =
  | { ok: true; result: Record<string, unknown> }
  | { ok: false; error: string; transient: boolean }
  /** An external service accepted the job and will call back (see processors/callback.ts). */
  | { ok: 'waiting' };

export interface ProcessorContext {
  env: Env;
  tenantId: string;
  imageId: string;
  sha256: string;
  probe: Probe;
  /** The original's bytes (fetched from R2 if this run did not download them). */
  bytes(): Promise<Uint8Array>;
  /** Decoded once per image and shared by every processor; freed by the registry. */
  decoded(): Promise<Decoded>;
  /**
   * The decoded image fitted within `side` px (never upscaled), made once per image and side and
   * shared (the thumb derivative and dhash both start from the 256 px copy); freed by the registry.
   */
  fitted(side: number): Promise<PhotonImage>;
}

export interface Processor {
  name: string;
  /** Identifies the processor's configuration: a changed configuration is a new result. */
  configHash: string;
  run(ctx: ProcessorContext): Promise<ProcessorResult>;
}

/** Identifies a processor configuration: a changed configuration is a new cached result. */
export async function hashConfig(config: unknown): Promise<string> {
  return (await sha256Hex(JSON.stringify(config))).slice(0, 16);
}
