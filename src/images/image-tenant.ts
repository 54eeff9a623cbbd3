/**
 * The image a signed URL of the old form names (no `t`: signed before URLs carried their tenant, valid
 * at most 8 days after that). Only the image id is known, so every bound shard is asked, in parallel:
 * one primary-key read per shard (a handful of bindings), for a form that disappears on its own within
 * 8 days. A directory row per image would instead cost a control-database write for every image of
 * every product written on any shard, forever. With one database this is the one read it always was.
 */
import { shardNumbers } from '../db/shards';
import type { Env } from '../env';
import { shardDb, unscoped } from '../placement/tenant-env';
import { findImageById, type FullImageRow } from './images.repository';

export async function findImageOnAnyShard(env: Env, id: string): Promise<FullImageRow | null> {
  const base = unscoped(env);
  const found = await Promise.all(shardNumbers(base).map((shard) => findImageById(shardDb(base, shard), id)));
  return found.find((row) => row !== null) ?? null;
}
