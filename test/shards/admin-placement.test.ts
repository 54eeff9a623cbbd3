/**
 * Admin tenant creation over several shards: the tenant is placed after its control rows are
 * written, and a placement that cannot be written leaves no tenant behind (no tenant without a shard).
 */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import type { Env } from '../../src/env';
import { ADMIN } from '../helpers/api';
import { failingDb } from '../helpers/bindings';

describe('admin tenant creation', () => {
  it('answers 503 and takes the control rows back when the shard copy cannot be written', async () => {
    const app = createApp();
    const down = { ...env, DB_SHARD_0: failingDb(), DB_SHARD_1: failingDb(), DB_SHARD_2: failingDb(), DB_SHARD_3: failingDb() } as Env;
    const name = `Unplaceable ${crypto.randomUUID()}`;
    const ctx = createExecutionContext();
    const res = await app.fetch(
      new Request('http://shelfsync.test/v1/admin/tenants', { method: 'POST', headers: { ...ADMIN, 'content-type': 'application/json' }, body: JSON.stringify({ name, aliases: ['unplaceable-alias'], defaultCurrency: 'USD', defaultLocale: 'en-US' }) }),
      down,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(503);
    expect(await env.DB.prepare('SELECT count(*) AS n FROM tenants WHERE name = ?1').bind(name).first()).toEqual({ n: 0 });
    expect(await env.DB.prepare("SELECT count(*) AS n FROM tenant_aliases WHERE alias = 'unplaceable-alias'").first()).toEqual({ n: 0 });
    expect(await env.DB.prepare('SELECT count(*) AS n FROM placements WHERE tenant_id NOT IN (SELECT id FROM tenants)').first()).toEqual({ n: 0 });
    expect(await env.DB.prepare('SELECT count(*) AS n FROM api_keys WHERE tenant_id NOT IN (SELECT id FROM tenants)').first()).toEqual({ n: 0 });
  });
});
