import { z } from '@hono/zod-openapi';
import { MOVE_STATES } from './progress';

export const TenantParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E' }) });
export const MoveParams = z.object({
  id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E' }),
  moveId: z.string().openapi({ param: { name: 'moveId', in: 'path' }, example: 'mov_01JD7Z8Q6V7N9K3M2X4B5C6D7E' }),
});

export const StartMoveBody = z
  .strictObject({
    shard: z.int().min(0).max(63).openapi({ description: 'The bound data shard (`DB_SHARD_n`) to move the tenant to', example: 1 }),
  })
  .openapi('StartMove');

const TableReport = z.object({ fromRows: z.int(), toRows: z.int(), fromHash: z.string(), toHash: z.string(), equal: z.boolean() });

export const MoveSchema = z
  .object({
    id: z.string().openapi({ example: 'mov_01JD7Z8Q6V7N9K3M2X4B5C6D7E' }),
    tenantId: z.string(),
    fromShard: z.int(),
    toShard: z.int(),
    state: z.enum(MOVE_STATES).openapi({
      description:
        '`copying` (writes go on) -> `freezing` (writes answer 503 `tenant_moving` while the tail is copied) -> `verifying` -> `cleaning` (the tenant lives on `toShard`; the old copy is deleted) -> `done`. A failed verification thaws the tenant where it was: `aborting` (the new copy is deleted) -> `failed`.',
    }),
    epoch: z.int().openapi({ description: 'The placement epoch the tenant gets when the move flips it' }),
    watermarks: z.record(z.string(), z.unknown()).openapi({ description: 'Where each phase stands, per table (the last key handled in keyset order)' }),
    report: z
      .object({
        tables: z.record(z.string(), TableReport),
        freezeMs: z.int().optional().openapi({ description: 'How long writes were frozen (the tail and the verification)' }),
        copiedRows: z.int().optional(),
        tailRecopiedRows: z.int().optional(),
        tailDeletedRows: z.int().optional(),
        cleanedRows: z.int().optional(),
      })
      .nullable()
      .openapi({ description: 'Per table row counts and content hashes on both shards, once verified' }),
    error: z.string().nullable(),
    createdAt: z.string().datetime(),
    updatedAt: z.string().datetime(),
    completedAt: z.string().datetime().nullable(),
  })
  .openapi('ShardMove');
