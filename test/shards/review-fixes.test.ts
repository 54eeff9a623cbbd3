/**
 * What a review of the shards found, each proven here: the expiry sweep leaves a frozen tenant's
 * rows alone (a delete after the tail compared them would be lost at the flip), a settings change
 * reaches the tenant's shard through the fence (refused while frozen, following a flip), and ids
 * anyone can send are not remembered as placements.
 */
import { describe, expect, it } from 'vitest';
import { sweepExpired } from '../../src/catalog/expiry';
import { FencedWriteError } from '../../src/db/fence';
import { copySettingsToShard, flipPlacement, freezeTenant, resolvePlacement, thawTenant } from '../../src/placement/placement';
import { scopeShard } from '../../src/placement/tenant-env';
import { shard, tenantOn, testEnv } from './queue-helpers';

const NOW = Date.now();

async function expiredProduct(tenantId: string, on: number, id: string): Promise<void> {
  // The smallest row the sweep reads: a product past its expiry.
  await shard(on)
    .prepare(
      `INSERT INTO products (tenant_id, id, number, version, data, status, job_id, created_at, updated_at, expires_at, money_format)
       VALUES (?1, ?2, 1, 1, '{}', 'done', 'job_x', ?3, ?3, ?3, 1)`,
    )
    .bind(tenantId, id, NOW - 10_000)
    .run();
}

const productCount = async (on: number, tenantId: string) =>
  (await shard(on).prepare('SELECT count(*) AS n FROM products WHERE tenant_id = ?1').bind(tenantId).first<{ n: number }>())!.n;

describe('review fixes (four shards)', () => {
  it('the expiry sweep skips a frozen tenant and expires its product once it writes again', async () => {
    const placement = await tenantOn(1);
    await expiredProduct(placement.tenantId, 1, 'exp-1');
    await freezeTenant(testEnv, placement);
    await sweepExpired(scopeShard(testEnv, 1), NOW);
    expect(await productCount(1, placement.tenantId)).toBe(1);

    await thawTenant(testEnv, placement);
    await sweepExpired(scopeShard(testEnv, 1), NOW);
    expect(await productCount(1, placement.tenantId)).toBe(0);
  });

  it('a settings copy is refused while the tenant is frozen, and follows the tenant after a flip', async () => {
    const placement = await tenantOn(1);
    const settings = { id: placement.tenantId, name: 'Renamed', defaultCurrency: 'EUR', defaultLocale: 'de-DE', plan: 'standard', createdAt: NOW, updatedAt: NOW };
    await freezeTenant(testEnv, placement);
    await expect(copySettingsToShard(testEnv, placement, settings)).rejects.toBeInstanceOf(FencedWriteError);
    await thawTenant(testEnv, placement);

    // The tenant's row copied to shard 2, then the flip: a copy routed with the old placement lands there.
    const row = await shard(1).prepare('SELECT * FROM tenants WHERE id = ?1').bind(placement.tenantId).first<Record<string, unknown>>();
    const columns = Object.keys(row!);
    await shard(2).prepare(`INSERT INTO tenants (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).bind(...columns.map((c) => row![c])).run();
    await flipPlacement(testEnv, placement, 2);
    await copySettingsToShard(testEnv, placement, settings);
    const name = (on: number) => shard(on).prepare('SELECT name FROM tenants WHERE id = ?1').bind(placement.tenantId).first<string>('name');
    expect(await name(2)).toBe('Renamed');
    expect(await name(1)).not.toBe('Renamed');
  });

  it('an unknown tenant id is answered, not remembered', async () => {
    const id = `t_unknown_${crypto.randomUUID().slice(0, 8)}`;
    expect(await resolvePlacement(testEnv, id, 60_000)).toMatchObject({ shard: 0, epoch: 1 });
    const now = Date.now();
    await testEnv.DB.prepare("INSERT INTO placements (tenant_id, shard, epoch, state, updated_at) VALUES (?1, 3, 1, 'active', ?2)").bind(id, now).run();
    // Had the fallback been cached, this would still say shard 0.
    expect(await resolvePlacement(testEnv, id, 60_000)).toMatchObject({ shard: 3 });
  });
});
