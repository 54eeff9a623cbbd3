/**
 * The event-type registry (src/events/event-types.ts) is the one list: every type the outbox's SQL
 * writes is in it (TypeScript checks the types passed to the outbox builders; SQL literals it cannot
 * see), every entry is emitted somewhere, and the document's `webhooks` and GET /v1/event-types are
 * exactly the registry.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { EVENT_TYPE_NAMES } from '../../src/events/event-types';

const EVENT_LITERAL = /'((?:product|image|job|endpoint|webhook|import|delivery|tenant|key|source|processor)\.[a-z_]+)'/g;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the event-type registry', () => {
  it('lists every type the outbox SQL writes', () => {
    const sql = readFileSync('src/events/outbox.queries.ts', 'utf8');
    const written = new Set([...sql.matchAll(EVENT_LITERAL)].map((m) => m[1]!));
    expect(written.size).toBeGreaterThan(4);
    expect([...written].filter((t) => !EVENT_TYPE_NAMES.includes(t as never))).toEqual([]);
  });

  it('has no entry that nothing emits', () => {
    const code = sources('src')
      .filter((p) => !p.endsWith('event-types.ts') && !p.includes('/dialects/') && !p.includes('/docs/'))
      .map((p) => readFileSync(p, 'utf8'))
      .join('\n');
    expect(EVENT_TYPE_NAMES.filter((t) => !code.includes(`'${t}'`))).toEqual([]);
  });

  it('is what the document lists as webhooks, each with a payload schema and an example', async () => {
    const doc = (await (await createApp().request('/openapi.json')).json()) as { webhooks: Record<string, any> };
    expect(Object.keys(doc.webhooks).sort()).toEqual([...EVENT_TYPE_NAMES].sort());
    for (const [type, item] of Object.entries(doc.webhooks)) {
      const media = item.post.requestBody.content['application/json'];
      expect(media.schema.$ref, type).toMatch(/^#\/components\/schemas\/\w+Event$/);
      expect(media.example.type, type).toBe(type);
    }
  });
});
