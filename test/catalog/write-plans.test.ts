/**
 * The write path's version-guarded update is driven by the chunk (one primary-key lookup per item),
 * never by a walk over the tenant's products: the query plan, as local D1 makes it.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { UPDATE_PRODUCTS_IF_VERSION } from '../../src/catalog/write/statements';

async function plan(sql: string): Promise<string[]> {
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind('ten_x', 'job_x', 0, '[]').all<{ detail: string }>();
  return results.map((r) => r.detail);
}

describe('write statement plans', () => {
  it.each([false, true])('update-if-version (extensions %s) looks each item up by its key, chunk first', async (setsExtensions) => {
    const steps = await plan(UPDATE_PRODUCTS_IF_VERSION(setsExtensions));
    expect(steps.some((s) => /SEARCH p USING INDEX sqlite_autoindex_products_1 \(tenant_id=\? AND id=\?\)/.test(s))).toBe(true);
    expect(steps.some((s) => /SEARCH products USING INTEGER PRIMARY KEY \(rowid=\?\)/.test(s))).toBe(true);
    expect(steps.filter((s) => /^(SCAN|SEARCH) products USING INDEX .*\(tenant_id=\?\)$/.test(s))).toEqual([]);
  });
});
