/** Queue messages carry the route of the env that built them (placement/stamp.ts). */
import { describe, expect, it } from 'vitest';
import { stampRoute } from '../../src/placement/stamp';
import { scopeEnv, scopeShard } from '../../src/placement/tenant-env';
import { testEnv } from './queue-helpers';

const placement = { tenantId: 't_a', shard: 2, epoch: 3, state: 'active' as const };

describe('stampRoute', () => {
  it('a tenant-scoped env adds its shard and epoch, and the tenant to a deliver message', () => {
    const env = scopeEnv(testEnv, placement).env;
    expect(stampRoute(env, { kind: 'events', tenantId: 't_a' })).toEqual({ kind: 'events', tenantId: 't_a', shard: 2, epoch: 3 });
    expect(stampRoute(env, { kind: 'deliver', ids: ['d1'] })).toEqual({ kind: 'deliver', ids: ['d1'], tenantId: 't_a', shard: 2, epoch: 3 });
  });

  it('leaves another tenant’s message alone: its epoch is not known here', () => {
    const env = scopeEnv(testEnv, placement).env;
    expect(stampRoute(env, { kind: 'events', tenantId: 't_b' })).toEqual({ kind: 'events', tenantId: 't_b' });
  });

  it('a shard-scoped env (a cron sweep) adds only its shard; an unscoped env nothing', () => {
    expect(stampRoute(scopeShard(testEnv, 1), { kind: 'recs', tenantId: 't_c' })).toEqual({ kind: 'recs', tenantId: 't_c', shard: 1 });
    expect(stampRoute(scopeShard(testEnv, 3), { kind: 'money-backfill' })).toEqual({ kind: 'money-backfill', shard: 3 });
    expect(stampRoute(testEnv, { kind: 'events', tenantId: 't_c' })).toEqual({ kind: 'events', tenantId: 't_c' });
  });
});
