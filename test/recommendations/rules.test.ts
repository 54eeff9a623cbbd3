/**
 * The complement map (GET/PUT /v1/recommendation-rules) and the full rebuild it starts: a resumable
 * job whose progress is on GET /v1/jobs/{id}, re-ranking the catalog under the new map.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { body, call, createTenant, expectProblem } from '../helpers/api';
import { waitFor } from '../helpers/poll';
import { resolveOptions } from '../../src/config';
import { rebuildSlice, startRebuild } from '../../src/recommendations/rebuild';
import { sweepRecommendations } from '../../src/recommendations/sweep';
import { ids, item, list, put, settled, TEE } from './helpers';

describe('recommendation rules and rebuilds', () => {
  it('GET answers the default fashion map; PUT validates with field paths', async () => {
    const t = await createTenant();
    const rules = await body(await call('/v1/recommendation-rules', { headers: t.headers }));
    expect(rules.branches.map((b: any) => b.name)).toEqual(['shoes', 'accessories', 'bottoms', 'tops']);
    expect(rules.complements.tops).toEqual(['bottoms', 'shoes', 'accessories']);
    const bad = await expectProblem(
      await call('/v1/recommendation-rules', { method: 'PUT', headers: t.headers, json: { branches: [{ name: 'tops', match: ['tops'] }], complements: { tops: ['hats'] } } }),
      422,
    );
    expect(bad.errors?.map((e) => e.path)).toEqual(['/complements/tops/0']);
    await expectProblem(await call('/v1/recommendation-rules', { headers: {} }), 401);
  });

  it('PUT replaces the map and starts a rebuild job: complements follow the new map', async () => {
    const t = await createTenant();
    await put(t, item('tee', { title: 'Cotton tee', productType: TEE }));
    await put(t, item('jeans', { title: 'Cotton jeans', productType: 'WOMEN > BOTTOMS > JEANS' }));
    await put(t, item('scarf', { title: 'Cotton scarf', productType: 'WOMEN > SCARVES > LIGHT' }));
    await settled(t, 'tee', 'complementary', (p) => ids(p).join() === 'jeans');

    // Tops now go with scarves only.
    const rules = {
      branches: [
        { name: 'tops', match: ['tops'] },
        { name: 'bottoms', match: ['bottoms'] },
        { name: 'scarves', match: ['scarves'] },
      ],
      complements: { tops: ['scarves'], scarves: ['tops'] },
    };
    const res = await call('/v1/recommendation-rules', { method: 'PUT', headers: t.headers, json: rules });
    expect(res.status).toBe(200);
    expect(await body(res)).toEqual(rules);
    const jobId = res.headers.get('job-id');
    expect(jobId).toMatch(/^job_/);
    expect(await body(await call('/v1/recommendation-rules', { headers: t.headers }))).toEqual(rules);

    const job = await waitFor(async () => {
      const j = await body(await call(`/v1/jobs/${jobId}`, { headers: t.headers }));
      return j.status === 'completed' ? j : undefined;
    }, 'the rebuild job', 30_000, 200);
    expect(job.kind).toBe('recommendations.rebuild');
    // Two steps per product (signature, then lists), all done.
    expect(job.counts?.total ?? job.total).toBe(6);
    expect(job.counts?.succeeded ?? job.succeeded).toBe(6);
    expect(ids(await list(t, 'tee', 'complementary'))).toEqual(['scarf']);
    expect(ids(await list(t, 'jeans', 'complementary'))).toEqual([]);
    const { results } = await env.DB.prepare("SELECT phase FROM rec_rebuilds WHERE job_id = ?1").bind(jobId).all<{ phase: string }>();
    expect(results[0]!.phase).toBe('done');
  });

  it('one rebuild at a time per tenant: a second POST answers the running job, a PUT of rules restarts it', async () => {
    const t = await createTenant();
    const first = await call('/v1/recommendations/rebuild', { method: 'POST', headers: t.headers });
    expect(first.status).toBe(202);
    const { jobId } = (await first.json()) as { jobId: string };
    const again = await call('/v1/recommendations/rebuild', { method: 'POST', headers: t.headers });
    expect(((await again.json()) as { jobId: string }).jobId).toBe(jobId);
    const rules = await (await call('/v1/recommendation-rules', { headers: t.headers })).json();
    const put = await call('/v1/recommendation-rules', { method: 'PUT', headers: t.headers, json: rules });
    expect(put.status).toBe(200);
    expect(put.headers.get('job-id')).toBe(jobId);
    const { results } = await env.DB.prepare('SELECT job_id FROM rec_rebuilds WHERE tenant_id = ?1').bind(t.id).all();
    expect(results).toHaveLength(1);
  });

  it('a rebuild whose message was lost resumes from its cursor in D1: the cron re-sends it, slice by slice to the end', async () => {
    const t = await createTenant();
    for (let i = 0; i < 3; i++) await put(t, item(`r${i}`, { title: `Wool coat ${i}`, productType: TEE }));
    const now = Date.now();
    // Accepted, but its first message never sent (as if the isolate died right after the commit).
    const jobId = await startRebuild(env.DB, t.id, now);
    const sent: unknown[] = [];
    const recorder = { send: async (m: unknown) => void sent.push(m), sendBatch: async (ms: Array<{ body: unknown }>) => void sent.push(...ms.map((m) => m.body)) };
    await sweepRecommendations({ DB: env.DB, RECS_QUEUE: recorder as any }, now + 10_000);
    expect(sent).not.toContainEqual({ kind: 'rebuild', tenantId: t.id, jobId });
    await sweepRecommendations({ DB: env.DB, RECS_QUEUE: recorder as any }, now + 61_000);
    expect(sent).toContainEqual({ kind: 'rebuild', tenantId: t.id, jobId });
    let slices = 0;
    while (await rebuildSlice(env, t.id, jobId, resolveOptions().recommendations, Date.now())) slices++;
    expect(slices).toBe(1); // signatures (one short slice), then lists (the last)
    const job = await body(await call(`/v1/jobs/${jobId}`, { headers: t.headers }));
    expect(job.status).toBe('completed');
    expect(job.counts?.succeeded ?? job.succeeded).toBe(6);
    // A duplicate message after the end changes nothing.
    expect(await rebuildSlice(env, t.id, jobId, resolveOptions().recommendations, Date.now())).toBe(false);
  });
});
