/**
 * Request quota plans: admin puts a tenant on `standard` (RATE_LIMITER, 600/min per key) or `high`
 * (RATE_LIMITER_HIGH, 6000/min); each response states the plan's RateLimit-Policy, and the plan's
 * binding is the one that refuses. The refusal test swaps a real 5-per-minute binding of the test
 * configuration in as RATE_LIMITER_HIGH, so only high-plan keys meet it.
 */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import type { Env } from '../../src/env';
import { ADMIN, body, call, createTenant, expectProblem, type TestTenant } from '../helpers/api';

const STANDARD = '"per-key";q=600;w=60';
const HIGH = '"per-key-high";q=6000;w=60';

const setPlan = (t: TestTenant, plan: string) => call(`/v1/admin/tenants/${t.id}`, { method: 'PATCH', headers: ADMIN, json: { plan } });

describe('plans', () => {
  it('a tenant starts on standard; admin moves it to high and back, and the policy follows', async () => {
    const t = await createTenant();
    expect((await body(await call(`/v1/admin/tenants/${t.id}`, { headers: ADMIN }))).plan).toBe('standard');
    expect((await call('/v1/jobs?limit=1', { headers: t.headers })).headers.get('ratelimit-policy')).toBe(STANDARD);

    const moved = await setPlan(t, 'high');
    expect(moved.status).toBe(200);
    expect((await body(moved)).plan).toBe('high');
    expect((await call('/v1/jobs?limit=1', { headers: t.headers })).headers.get('ratelimit-policy')).toBe(HIGH);
    // Dialects apply the same plan.
    const robosize = await call(`/compat/robosize/api/v1/product/?api_key=${t.key}`);
    expect(robosize.headers.get('ratelimit-policy')).toBe(HIGH);
    // Before authentication (no key) the standard policy is stated.
    expect((await call('/v1/jobs')).headers.get('ratelimit-policy')).toBe(STANDARD);

    expect((await body(await setPlan(t, 'standard'))).plan).toBe('standard');
    expect((await call('/v1/jobs?limit=1', { headers: t.headers })).headers.get('ratelimit-policy')).toBe(STANDARD);
  });

  it('a tenant can be created on a plan; an unknown plan is a 422 at the field', async () => {
    const t = await createTenant({ plan: 'high' });
    expect((await call('/v1/jobs?limit=1', { headers: t.headers })).headers.get('ratelimit-policy')).toBe(HIGH);
    const problem = await expectProblem(await setPlan(t, 'gold'), 422, 'validation_failed');
    expect(problem.errors?.[0]?.path).toBe('/plan');
  });

  it("the plan's own binding refuses: high-plan keys meet RATE_LIMITER_HIGH, standard ones do not", async () => {
    const app = createApp();
    const bindings = { ...env, RATE_LIMITER_HIGH: (env as unknown as Record<string, RateLimit>).LOW_IP_RATE_LIMITER } as Env;
    const send = async (headers: Record<string, string>) => {
      const ctx = createExecutionContext();
      const res = await app.fetch(new Request('http://shelfsync.test/v1/jobs?limit=1', { headers }), bindings, ctx);
      await waitOnExecutionContext(ctx);
      return res;
    };
    const windowOf = () => Math.floor(Date.now() / 60_000);
    for (let attempt = 0; attempt < 2; attempt++) {
      const start = windowOf();
      const high = await createTenant({ plan: 'high' });
      const standard = await createTenant();
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await send(high.headers)).status);
      const standardStatuses: number[] = [];
      for (let i = 0; i < 6; i++) standardStatuses.push((await send(standard.headers)).status);
      // The local limiter's windows follow the wall clock: a run across a boundary says nothing.
      if (windowOf() !== start && attempt === 0) continue;
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      expect(standardStatuses).toEqual([200, 200, 200, 200, 200, 200]);
      const refused = await send(high.headers);
      await expectProblem(refused, 429, 'rate_limited');
      expect(refused.headers.get('ratelimit-policy')).toBe(HIGH);
      expect(refused.headers.get('retry-after')).toBe('60');
      expect((await refused.clone().json()) as { detail: string }).toMatchObject({ detail: 'This API key made more than 6000 requests in 60 s' });
      return;
    }
  });
});
