/**
 * The directory (control database): the few ids a request names WITHOUT its tenant, each with the
 * tenant it belongs to, so the request can be routed to that tenant's shard before anything is read
 * there. Today: inbound sources (`POST /v1/inbound/{sourceId}` carries only the source id).
 *
 * Images are not listed here although old signed image URLs name only an image id: one control write
 * per image would put the busiest write path (every image of every product, across every shard) on
 * the single control database. New signed URLs carry their tenant instead, and the old ones (valid
 * for at most 8 days) are found by asking the shards (images/signed-image-tenant.ts).
 */
import type { Env } from '../env';
import { DELETE_DIRECTORY, INSERT_DIRECTORY, SELECT_DIRECTORY } from './directory.queries';
import { controlDb } from './tenant-env';

export type DirectoryKind = 'inbound-source';

/** The tenant `key` belongs to, or null (unknown). */
export async function directoryTenant(env: Env, kind: DirectoryKind, key: string): Promise<string | null> {
  const row = await controlDb(env).prepare(SELECT_DIRECTORY).bind(kind, key).first<{ tenant_id: string }>();
  return row?.tenant_id ?? null;
}

/** Lists `key` as `tenantId`'s (after its row was written on the tenant's shard). */
export async function addToDirectory(env: Env, kind: DirectoryKind, key: string, tenantId: string): Promise<void> {
  await controlDb(env).prepare(INSERT_DIRECTORY).bind(kind, key, tenantId).run();
}

/** Drops `key` (after its row was deleted on the shard: a stale entry only routes to a shard that answers "unknown"). */
export async function removeFromDirectory(env: Env, kind: DirectoryKind, key: string, tenantId: string): Promise<void> {
  await controlDb(env).prepare(DELETE_DIRECTORY).bind(kind, key, tenantId).run();
}
