/**
 * Which deliveries one fan-out run creates, and in how many statements. Pure.
 *
 * A run's work is events x matching endpoints; unbounded, one tenant's page of 500 events times its
 * endpoints became one statement of any size (a D1 statement or bound value past its limits fails,
 * and so the whole run, forever). So a run takes whole events, in order, until the next one would
 * pass `maxDeliveries` (always at least one), and writes them `rowsPerStatement` at a time.
 */
import { matchesFilter } from './event-filter';

export interface FanoutEvent {
  id: string;
  seq: number;
  type: string;
  /** JSON; read only for a `webhook.test` (SELECT_EVENTS_PAST_WATERMARK leaves it null for the rest). */
  data: string | null;
}

export interface FanoutEndpoint {
  id: string;
  patterns: string[];
}

/** One delivery the plan creates: an element of an INSERT_DELIVERIES chunk (webhooks.queries.ts). */
export interface PlannedDelivery {
  id: string;
  endpoint: string;
  event: string;
  type: string;
}

export interface FanoutLimits {
  /** Deliveries one run may create (whole events only; one event always goes). */
  maxDeliveries: number;
  /** Rows per INSERT: bounds each statement's bound JSON (~130 bytes a row). */
  rowsPerStatement: number;
}

/** 1,000 rows in 5 statements of 200 (~26 KB of JSON each): a few ms of D1, far from its limits. */
export const FANOUT_LIMITS: FanoutLimits = { maxDeliveries: 1000, rowsPerStatement: 200 };

export interface FanoutPlan {
  chunks: PlannedDelivery[][];
  /** The seq the watermark moves to: the last event taken. */
  lastSeq: number;
  /** Events were left for the next run. */
  stoppedEarly: boolean;
}

export function planFanout(events: FanoutEvent[], endpoints: FanoutEndpoint[], limits: FanoutLimits, newDeliveryId: () => string): FanoutPlan | null {
  if (events.length === 0) return null;
  const rows: PlannedDelivery[] = [];
  let lastSeq = events[0]!.seq;
  let stoppedEarly = false;
  for (const [index, event] of events.entries()) {
    // A test event goes to the one endpoint it was made for, whatever the filters say.
    const testTarget = event.type === 'webhook.test' ? (JSON.parse(event.data ?? '{}') as { endpointId?: string }).endpointId : undefined;
    const wanted = endpoints.filter((endpoint) => (testTarget !== undefined ? testTarget === endpoint.id : matchesFilter(endpoint.patterns, event.type)));
    if (index > 0 && rows.length + wanted.length > limits.maxDeliveries) {
      stoppedEarly = true;
      break;
    }
    for (const endpoint of wanted) rows.push({ id: newDeliveryId(), endpoint: endpoint.id, event: event.id, type: event.type });
    lastSeq = event.seq;
  }
  const chunks: PlannedDelivery[][] = [];
  for (let i = 0; i < rows.length; i += limits.rowsPerStatement) chunks.push(rows.slice(i, i + limits.rowsPerStatement));
  return { chunks, lastSeq, stoppedEarly };
}
