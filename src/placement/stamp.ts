/**
 * Queue messages carry where they were routed (DESIGN "Shards"): the shard and the tenant's epoch of
 * the env that built them, so the consumer can tell a message routed before a move (it is re-routed
 * to the tenant's current shard, never applied to the old copy). One helper, called wherever a
 * message body is built.
 */
import type { QueueMessage } from '../env';
import { routeOf, shardOf } from './tenant-env';

/**
 * `body` stamped from `env`: a tenant-scoped env adds its shard and epoch (and the tenant, to a
 * deliver message that names none); a shard-scoped env (a cron sweep) adds only the shard it swept;
 * an unscoped env changes nothing. A message for another tenant than the env's route is not stamped
 * (its epoch is unknown here). `env` is any object a scoped env was passed as (producers take
 * `Pick<Env, ...>`).
 */
export function stampRoute<T extends QueueMessage>(env: object, body: T): T {
  const route = routeOf(env as never);
  if (route) {
    const named = (body as { tenantId?: string }).tenantId;
    if (named !== undefined && named !== route.tenantId) return body;
    const tenant = body.kind === 'deliver' && named === undefined ? { tenantId: route.tenantId } : {};
    return { ...body, ...tenant, shard: route.shard, epoch: route.epoch };
  }
  const shard = shardOf(env as never);
  return shard === null ? body : { ...body, shard };
}
