/**
 * The canonical Postman collection runs against the Worker as `npm start` serves it, without edits:
 * newman (Postman's own runner, with its sandbox for the collection's scripts) sends every request in
 * the collection's order, given only `baseUrl` and `adminToken` (the collection's first request
 * creates the tenant the run works in and stores its key in `apiKey`). Every answer must be 2xx,
 * except the documented 404 of a dead-letter replay when there is no dead letter.
 */
import { readFileSync } from 'node:fs';
import newman from 'newman';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM JavaScript, no types
import { ADMIN_TOKEN, createScenario } from '../../bench/fault-scenario.mjs';
import { CANONICAL_COLLECTION_PATH } from '../../scripts/postman/canonical';

interface Executed {
  name: string;
  method: string;
  url: string;
  code: number | undefined;
  body: string;
  error?: string;
}

function runCollection(collection: unknown, variables: Record<string, string>): Promise<Executed[]> {
  return new Promise((resolve, reject) => {
    newman.run(
      { collection: collection as never, envVar: Object.entries(variables).map(([key, value]) => ({ key, value })), reporters: [], timeoutRequest: 60_000 },
      (err, summary) => {
        if (err) return reject(err);
        resolve(
          summary.run.executions.map((e: any) => ({
            name: e.item.name,
            method: e.request?.method,
            url: e.request?.url?.toString(),
            code: e.response?.code,
            body: e.response?.stream ? Buffer.from(e.response.stream).toString('utf8').slice(0, 2000) : '',
            error: e.requestError?.message,
          })),
        );
      },
    );
  });
}

describe('docs/postman/shelfsync.postman_collection.json against a running Worker', () => {
  let scenario: any = null;
  afterAll(async () => {
    await scenario?.close();
  });

  it('every request, in order, answers 2xx with only baseUrl and adminToken set (the first request makes the tenant and its apiKey)', async () => {
    // The scenario pins outgoing traffic to loopback (OUTBOUND_ONLY): the examples' receivers
    // (https://receiver.example, https://tryon.example) are accepted when registered, as under
    // `npm start`, and never contacted (the pin applies when sending).
    // POSTMAN_PORT / POSTMAN_INSPECTOR_PORT pick the ports (default: free ones).
    const port = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
    scenario = await createScenario({ port: port('POSTMAN_PORT'), inspectorPort: port('POSTMAN_INSPECTOR_PORT') });
    await scenario.start();

    const collection = JSON.parse(readFileSync(CANONICAL_COLLECTION_PATH, 'utf8'));
    const executed = await runCollection(collection, { baseUrl: scenario.base, adminToken: ADMIN_TOKEN });
    // Requests that wait for the queues repeat themselves: judge each request by its last answer.
    const last = new Map(executed.map((e) => [e.name, e]));
    expect([...last.keys()]).toEqual(collection.item.map((i: { name: string }) => i.name));
    const failed = [...last.values()].filter((e) => e.error || !e.code || e.code < 200 || e.code > 299);
    // A fresh deployment has no dead letter to replay: then the documented 404 is the right answer.
    const deadLetters = JSON.parse(last.get(collection.item.find((i: any) => i.request.method === 'GET' && i.request.url.raw.split('?')[0].endsWith('/v1/admin/dead-letters')).name)!.body);
    const replay = (e: Executed) => e.method === 'POST' && /\/v1\/admin\/dead-letters\/[^/]+\/replay$/.test(e.url) && e.code === 404 && deadLetters.data.length === 0;
    // `npm start` binds one database: a move is refused (422, nowhere to move to), so its read is a 404.
    const move = (e: Executed) =>
      (e.method === 'POST' && /\/v1\/admin\/tenants\/[^/]+\/move$/.test(e.url) && e.code === 422 && e.body.includes('Only one shard is bound')) ||
      (e.method === 'GET' && /\/v1\/admin\/tenants\/[^/]+\/moves\/[^/]+$/.test(e.url) && e.code === 404);
    expect(failed.filter((e) => !replay(e) && !move(e)).map((e) => `${e.method} ${e.url} -> ${e.code ?? e.error}: ${e.body}`)).toEqual([]);
  }, 400_000);
});
