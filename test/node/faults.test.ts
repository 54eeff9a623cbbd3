/**
 * Fault injection: the Worker (under the `npm start` launcher, on its own local state) is SIGKILLed
 * while an import, webhook fan-out and image ingest are all in flight, then restarted the same way
 * with nothing done by hand. Every import row, every product event's delivery (signature checked,
 * counted per webhook-id) and every image must arrive; duplicates only under the same webhook-id.
 *
 * FAULTS_PORT picks the port (default: a free one). Takes a couple of minutes.
 */
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM JavaScript, no types
import { auditDeliveries, createScenario, startLoad, waitComplete, waitMidWork } from '../../bench/fault-scenario.mjs';

// The import must outlast the first image fetches (it runs ~6k rows/s here): 20k rows take a few seconds.
const LOAD = { importRows: 20000, images: 24, batchProducts: 1000 };

describe('a restart recovers by itself', () => {
  let scenario: any = null;
  afterAll(async () => {
    await scenario?.close();
  });

  it('loses nothing when killed mid-import, mid-fan-out and mid-ingest', async () => {
    scenario = await createScenario({ port: process.env.FAULTS_PORT ? Number(process.env.FAULTS_PORT) : undefined, imageDelayMs: 400 });
    const s = scenario;
    await s.start();
    const load = await startLoad(s, LOAD);

    const mid = await waitMidWork(s, load);
    expect(mid, 'import, ingest and deliveries were never in flight together (make the load larger)').not.toBeNull();
    await s.kill();
    const deliveredBeforeKill = s.deliveries.length;
    expect(deliveredBeforeKill).toBeGreaterThan(0);

    // The restart: the launcher again, on the same state; no curl, no manual step.
    const restart = await s.start();
    const result = await waitComplete(s, load, { timeoutMs: 240_000 });
    expect(result.done, `not recovered: ${result.why} (log: ${s.logPath})`).toBe(true);

    // Every import row.
    expect(result.import).toMatchObject({ status: 'completed', rows: { total: LOAD.importRows, done: LOAD.importRows, failed: 0 } });
    const job = await s.call('GET', `/v1/jobs/${load.importJob}`, { headers: load.auth });
    expect(job.json).toMatchObject({ status: 'completed', counts: { succeeded: LOAD.importRows, failed: 0 } });

    // Every image.
    for (let i = 0; i < LOAD.images; i++) {
      const res = await s.call('GET', `/v1/products/img-${i}`, { headers: load.auth });
      expect(res.json, `img-${i}`).toMatchObject({ status: 'done', images: [{ status: 'done', width: 160, height: 120 }] });
    }

    // Every product event delivered, correctly signed; nothing delivered that is not in the feed.
    const audit = auditDeliveries(s);
    expect(audit.invalid).toBe(0);
    const eventIds: Set<string> = result.eventIds;
    // created for each row and product, processed for each product with images.
    expect(eventIds.size).toBeGreaterThanOrEqual(LOAD.importRows + LOAD.batchProducts + 2 * LOAD.images);
    expect([...audit.perId.keys()].filter((id) => !eventIds.has(id))).toEqual([]);
    expect(audit.distinct).toBe(eventIds.size);

    console.log(
      JSON.stringify({
        killedAt: mid,
        deliveredBeforeKill,
        restartToServingSeconds: (restart.servingAt - restart.startedAt) / 1000,
        restartToCompleteSeconds: (result.completedAt - restart.startedAt) / 1000,
        deliveries: audit.total,
        distinct: audit.distinct,
        duplicatesUnderSameWebhookId: audit.duplicates,
      }),
    );
  }, 420_000);
});
