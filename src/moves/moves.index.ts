/** The moves' admin routes, registered on the admin router (behind its ADMIN_TOKEN guard). */
import { ApiError } from '../http/problem';
import type { Router } from '../http/router';
import * as routes from './moves.routes';
import { getMove, listMoves, startMove } from './moves.service';

export function registerMoveRoutes(router: Router): void {
  router.openapi(routes.startMoveRoute, async (c) => {
    const { id } = c.req.valid('param');
    const move = await startMove(c.env, id, c.req.valid('json').shard);
    c.header('Location', `${new URL(c.req.url).pathname.replace(/\/move$/, '')}/moves/${move.id}`);
    return c.json(move, 202);
  });

  router.openapi(routes.getMoveRoute, async (c) => {
    const { id, moveId } = c.req.valid('param');
    const move = await getMove(c.env, id, moveId);
    if (!move) throw new ApiError('not_found', 'No such move');
    return c.json(move, 200);
  });

  router.openapi(routes.listMovesRoute, async (c) => c.json({ data: await listMoves(c.env, c.req.valid('param').id) }, 200));
}
