/**
 * Recommendations cost only the tenants that use them: a tenant where nothing asks for lists gets no
 * signatures, keys or due rows from its writes; a product that later asks still gets lists that
 * include the products written while the tenant was idle (the first use rebuilds the catalog).
 */
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createWorker } from '../../src/app';
import type { Env } from '../../src/env';
import { ADMIN, call, type TestTenant, createTenant } from '../helpers/api';
import { waitFor } from '../helpers/poll';
import { ids, item, JEANS, put, settled, TEE } from './helpers';

async function count(sql: string, tenantId: string): Promise<number> {
  const row = await env.DB.prepare(sql).bind(tenantId).first<{ n: number }>();
  return row?.n ?? 0;
}

/** Until the consumer has read every event of the tenant and has no due product left. */
function caughtUp(t: TestTenant): Promise<true> {
  return waitFor(
    async () => {
      const behind = await count('SELECT COUNT(*) AS n FROM tenants AS t LEFT JOIN rec_settings AS s ON s.tenant_id = t.id WHERE t.id = ?1 AND t.event_seq > COALESCE(s.seq, 0)', t.id);
      const due = await count('SELECT COUNT(*) AS n FROM rec_dirty WHERE tenant_id = ?1', t.id);
      return behind === 0 && due === 0 ? true : undefined;
    },
    'recommendations consumer caught up',
    20_000,
    100,
  );
}

describe('recommendations cost nothing where nobody asks', () => {
  it('a tenant with recommend none everywhere: writes build no signature, key or list', async () => {
    const t = await createTenant();
    await put(t, item('tee-a', { title: 'Classic white cotton tee', productType: TEE, recommend: undefined }));
    await put(t, item('tee-b', { title: 'Classic white cotton tee with pocket', productType: TEE, recommend: 'none' }));
    await put(t, item('jeans-a', { title: 'Classic straight jeans', productType: JEANS, recommend: undefined }));
    await caughtUp(t);
    expect(await count('SELECT COUNT(*) AS n FROM rec_signatures WHERE tenant_id = ?1', t.id)).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM rec_keys WHERE tenant_id = ?1', t.id)).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM rec_lists WHERE tenant_id = ?1', t.id)).toBe(0);
  });

  it('a late adopter: the first product asking for lists gets neighbours written while the tenant was idle', async () => {
    const t = await createTenant();
    await put(t, item('tee-2', { itemGroupId: 'fam-b', title: 'Classic white cotton tee with pocket', color: 'white', productType: TEE, recommend: undefined }));
    await put(t, item('tee-3', { itemGroupId: 'fam-c', title: 'Neon graphic festival tee', brand: 'Concrete', color: 'yellow', productType: TEE, recommend: 'none' }));
    await put(t, item('jeans-1', { itemGroupId: 'fam-d', title: 'Classic straight jeans', color: 'navy', productType: JEANS, recommend: undefined }));
    await caughtUp(t);
    expect(await count('SELECT COUNT(*) AS n FROM rec_signatures WHERE tenant_id = ?1', t.id)).toBe(0);

    await put(t, item('tee-1', { itemGroupId: 'fam-a', title: 'Classic white cotton tee', color: 'white', productType: TEE, recommend: 'all' }));
    const similar = await settled(t, 'tee-1', 'similar', (p) => p.data.length === 2);
    expect(ids(similar)).toEqual(['tee-2', 'tee-3']);
    const complementary = await settled(t, 'tee-1', 'complementary', (p) => p.data.length > 0);
    expect(ids(complementary)).toEqual(['jeans-1']);
    // Products that do not ask keep no lists of their own.
    expect(await count("SELECT COUNT(*) AS n FROM rec_lists WHERE tenant_id = ?1 AND anchor_id != 'tee-1'", t.id)).toBe(0);
  });

  it('an admin default other than none in an idle tenant: the next cron tick builds the earlier products their lists', async () => {
    const t = await createTenant();
    await put(t, item('scarf-1', { title: 'Grey wool scarf', productType: 'WOMEN > ACCESSORIES > SCARVES', recommend: undefined }));
    await put(t, item('scarf-2', { title: 'Grey wool scarf, long', productType: 'WOMEN > ACCESSORIES > SCARVES', recommend: undefined }));
    await caughtUp(t);
    expect(await count('SELECT COUNT(*) AS n FROM rec_signatures WHERE tenant_id = ?1', t.id)).toBe(0);

    expect((await call(`/v1/admin/tenants/${t.id}`, { method: 'PATCH', headers: ADMIN, json: { recommend: 'similar' } })).status).toBe(200);
    // No product write follows: the minute cron finds the tenant that asked.
    const ctx = createExecutionContext();
    await createWorker().scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '* * * * *' }), env as unknown as Env, ctx);
    await waitOnExecutionContext(ctx);
    expect(ids(await settled(t, 'scarf-1', 'similar', (p) => p.data.length === 1))).toEqual(['scarf-2']);
    expect(ids(await settled(t, 'scarf-2', 'similar', (p) => p.data.length === 1))).toEqual(['scarf-1']);
  });
});
