/**
 * /v1 recommendations. Lists are read as stored by the queue consumer, filtered at read time against
 * the products that still exist (a deleted product vanishes from every list at once), keyset-paged
 * by rank.
 */
import { read, readBatch } from '../db/batch';
import { limitBodyTo, requireJson } from '../http/body';
import { cursorField } from '../http/cursor';
import { createRouter } from '../http/router';
import { idempotency } from '../idempotency/idempotency';
import { encodeCursor } from '../lib/cursor';
import { SELECT_VARIANTS_PAGE, type VariantRow } from './recs.queries';
import { anchorOf, readRecommendationPage } from './read-lists';
import * as routes from './recs.routes';
import { startRebuild } from './rebuild';
import { readRules, writeRulesStatement } from './settings';
import { stampRoute } from '../placement/stamp';

export function recommendationsRouter() {
  const router = createRouter();

  router.openapi(routes.similarRoute, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    return c.json(await readRecommendationPage(c.env.DB, c.get('tenant').id, c.req.valid('param').id, 'similar', limit, cursor), 200);
  });

  router.openapi(routes.complementaryRoute, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    return c.json(await readRecommendationPage(c.env.DB, c.get('tenant').id, c.req.valid('param').id, 'complementary', limit, cursor), 200);
  });

  router.openapi(routes.variantsRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { limit, cursor } = c.req.valid('query');
    const after = cursorField<number>(cursor, 'n', 'number') ?? 0;
    const anchor = await anchorOf(c.env.DB, c.get('tenant').id, id);
    if (!anchor.family) return c.json({ productId: id, data: [], nextCursor: null }, 200);
    const db = c.env.DB;
    const [rows] = await readBatch(db, [read<VariantRow>(db.prepare(SELECT_VARIANTS_PAGE).bind(c.get('tenant').id, anchor.family, id, after, limit + 1))]);
    const page = rows.slice(0, limit);
    return c.json(
      { productId: id, data: page.map((r) => ({ id: r.product_id, number: r.number })), nextCursor: rows.length > limit ? encodeCursor({ n: page[page.length - 1]!.number }) : null },
      200,
    );
  });

  router.openapi(routes.getRulesRoute, async (c) => c.json(await readRules(c.env.DB, c.get('tenant').id), 200));

  router.openapi({ ...routes.putRulesRoute, middleware: [limitBodyTo('admin'), requireJson(), idempotency()] }, async (c) => {
    const rules = c.req.valid('json');
    const tenantId = c.get('tenant').id;
    const now = Date.now();
    await writeRulesStatement(c.env.DB, tenantId, rules, now).run();
    // Branches are part of every signature: the catalog is re-signed and re-ranked under the new map.
    const jobId = await startRebuild(c.env.DB, tenantId, now, { restart: true });
    c.executionCtx.waitUntil(c.env.RECS_QUEUE.send(stampRoute(c.env, { kind: 'rebuild', tenantId, jobId })));
    c.header('Job-Id', jobId);
    return c.json(rules, 200);
  });

  router.openapi({ ...routes.rebuildRoute, middleware: [idempotency()] }, async (c) => {
    const tenantId = c.get('tenant').id;
    const jobId = await startRebuild(c.env.DB, tenantId, Date.now());
    c.executionCtx.waitUntil(c.env.RECS_QUEUE.send(stampRoute(c.env, { kind: 'rebuild', tenantId, jobId })));
    c.header('Job-Id', jobId);
    return c.json({ jobId }, 202);
  });

  return router;
}
