/**
 * A measurement, not a check (skipped unless asked): how long a move freezes a tenant's writes, by
 * catalog size, driven through the admin API and the queue entry as in moves.test.ts. Run:
 *   VITE_MOVE_FREEZE_PRODUCTS=500,2000,5000 npx vitest run --project shards test/shards/moves-freeze.test.ts
 * Local D1 on a shared machine: compare sizes within one run, not with production.
 */
import { describe, expect, it } from 'vitest';
import { drainMoves, request, seedCatalog, tenantOn } from './moves-fixtures';

const sizes = String((import.meta as unknown as { env?: Record<string, string | undefined> }).env?.VITE_MOVE_FREEZE_PRODUCTS ?? '')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);

describe.skipIf(sizes.length === 0)('the write freeze of a move, by catalog size', () => {
  it('prints freezeMs per size', async () => {
    for (const products of sizes) {
      const t = await tenantOn(1);
      await seedCatalog(t, products);
      const started = Date.now();
      const res = await request(`/v1/admin/tenants/${t.id}/move`, { method: 'POST', json: { shard: 2 } });
      const { id } = (await res.json()) as { id: string };
      const messages = await drainMoves(10_000);
      const move = (await (await request(`/v1/admin/tenants/${t.id}/moves/${id}`)).json()) as any;
      expect(move.state).toBe('done');
      const rows = Object.values<{ fromRows: number }>(move.report.tables).reduce((sum, r) => sum + r.fromRows, 0);
      console.log(JSON.stringify({ products, rows, freezeMs: move.report.freezeMs, moveMs: Date.now() - started, messages }));
    }
  }, 900_000);
});
