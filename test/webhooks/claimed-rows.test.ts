/**
 * A claimed group's deliveries put together with their events and endpoints, each loaded once per
 * group (src/webhooks/claimed-rows.ts): a pruned event or a deleted endpoint leaves nulls, which
 * the attempt turns into a failed delivery.
 */
import { describe, expect, it } from 'vitest';
import { claimedRows, joinClaimed } from '../../src/webhooks/claimed-rows';
import type { ClaimedEndpointRow, ClaimedEventRow, ClaimedRow } from '../../src/webhooks/webhooks.queries';

const endpoint = (id: string): ClaimedEndpointRow => ({
  id,
  url: `https://${id}.example.com/hook`,
  headers: '{"x-a":"1"}',
  format: null,
  metadata: null,
  enabled: 1,
  secret: `sealed-${id}`,
  previous_secret: null,
  previous_secret_expires_at: null,
  failing_since: 5,
});
const event = (id: string): ClaimedEventRow => ({ id, type: 'product.created', data: `{"id":"${id}"}`, created_at: 7 });
const delivery = (id: string, endpointId: string, eventId: string): ClaimedRow => ({ id, tenant_id: 't1', attempts: 2, endpoint_id: endpointId, event_id: eventId });

describe('claimedRows', () => {
  it('reads the claim\'s one aggregated row back into rows, in order', () => {
    expect(claimedRows('[["d1","t1",0,"w1","e1"],["d2","t2",3,"w2","e2"]]')).toEqual([
      { id: 'd1', tenant_id: 't1', attempts: 0, endpoint_id: 'w1', event_id: 'e1' },
      { id: 'd2', tenant_id: 't2', attempts: 3, endpoint_id: 'w2', event_id: 'e2' },
    ]);
    expect(claimedRows('[]')).toEqual([]);
  });
});

describe('joinClaimed', () => {
  it('gives every delivery its own event and endpoint, however many deliveries share them', () => {
    const rows = joinClaimed([delivery('d1', 'w1', 'e1'), delivery('d2', 'w2', 'e1'), delivery('d3', 'w1', 'e2')], [event('e1'), event('e2')], [endpoint('w1'), endpoint('w2')]);
    expect(rows.map((r) => [r.id, r.endpoint_id, r.url, r.secret, r.event_id, r.event_data])).toEqual([
      ['d1', 'w1', 'https://w1.example.com/hook', 'sealed-w1', 'e1', '{"id":"e1"}'],
      ['d2', 'w2', 'https://w2.example.com/hook', 'sealed-w2', 'e1', '{"id":"e1"}'],
      ['d3', 'w1', 'https://w1.example.com/hook', 'sealed-w1', 'e2', '{"id":"e2"}'],
    ]);
    expect(rows[0]).toEqual({
      id: 'd1',
      tenant_id: 't1',
      attempts: 2,
      endpoint_id: 'w1',
      event_id: 'e1',
      event_type: 'product.created',
      event_data: '{"id":"e1"}',
      event_created_at: 7,
      url: 'https://w1.example.com/hook',
      headers: '{"x-a":"1"}',
      format: null,
      metadata: null,
      enabled: 1,
      secret: 'sealed-w1',
      previous_secret: null,
      previous_secret_expires_at: null,
      failing_since: 5,
    });
  });

  it('leaves nulls for a pruned event and a deleted endpoint, as a LEFT JOIN would', () => {
    const [row] = joinClaimed([delivery('d1', 'gone', 'pruned')], [], []);
    expect(row).toMatchObject({ id: 'd1', event_type: null, event_data: null, event_created_at: null, url: null, secret: null, enabled: null, failing_since: null });
  });
});
