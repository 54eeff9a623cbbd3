/**
 * Request quota plans. A rate-limit binding's limit is fixed in wrangler.toml and cannot be asked
 * per call, so each plan is its own binding, and admin assigns a tenant to a plan: `standard` (the
 * per-key limiter Shelfsync always had, `RATE_LIMITER`) or `high` (`RATE_LIMITER_HIGH`). The quotas
 * stated in `RateLimit-Policy` come from the options, which must match the bindings.
 */
import type { AppOptions } from '../config';
import type { Env } from '../env';

export const PLANS = ['standard', 'high'] as const;
export type Plan = (typeof PLANS)[number];

/** An unknown stored value (a plan removed later) counts as `standard`, never as unlimited. */
export function parsePlan(stored: string | null | undefined): Plan {
  return (PLANS as readonly string[]).includes(stored ?? '') ? (stored as Plan) : 'standard';
}

export interface PlanQuota {
  /** The `RateLimit-Policy` item name. `per-key` is what the standard plan always stated. */
  policy: string;
  limit: number;
  periodSeconds: number;
}

export function planQuota(plan: Plan, options: Pick<AppOptions, 'rateLimit' | 'rateLimitHigh'>): PlanQuota {
  if (plan === 'high') return { policy: 'per-key-high', ...options.rateLimitHigh };
  return { policy: 'per-key', ...options.rateLimit };
}

/** The plan's binding; unbound = that plan is not limited (an embedding app that declared none). */
export function planLimiter(plan: Plan, env: Env): RateLimit | undefined {
  return plan === 'high' ? env.RATE_LIMITER_HIGH : env.RATE_LIMITER;
}
