/**
 * The contract: every operation of /openapi.json, run from its documented example as a client would
 * (create before read, update, delete), and every answer validated against the schema the document
 * gives for its status. Ids in the examples are followed: when a create answers a real id where its
 * documented answer shows an example id, later examples naming that example id get the real one.
 *
 * A new operation fails here, by name, until it has examples and a place in ORDER (or NOT_RUN with a
 * reason). While an answer example is missing, the real answers are printed with example ids (to
 * fill src/docs/examples/responses.ts).
 */
import { Validator } from '@cfworker/json-schema';
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWorker } from '../../src/app';
import { signedHeaders } from '../../src/lib/signing';
import { sleep } from '../helpers/poll';

type Json = Record<string, any>;
const ORIGIN = 'http://127.0.0.1:8787';
const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef0123';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Every operation, in the order a client meets them. */
const ORDER = [
  'POST /v1/admin/tenants',
  'GET /v1/admin/tenants/{id}',
  'PATCH /v1/admin/tenants/{id}',
  'POST /v1/admin/tenants/{id}/keys',
  'GET /v1/admin/tenants/{id}/keys',
  'PUT /v1/processors/{name}',
  'GET /v1/processors',
  'POST /v1/processors/{name}/rotate-secret',
  'POST /v1/processor-callbacks/{tenantId}/{name}',
  'POST /v1/webhooks',
  'GET /v1/webhooks',
  'GET /v1/webhooks/{id}',
  'PATCH /v1/webhooks/{id}',
  'POST /v1/webhooks/{id}/rotate-secret',
  'PUT /v1/products/{id}',
  'PATCH /v1/products/{id}',
  'GET /v1/products/{id}',
  'POST /v1/products',
  'POST /v1/products/batch',
  'GET /v1/jobs/{id}',
  'GET /v1/jobs',
  'GET /v1/jobs/{id}/errors',
  'GET /v1/events',
  'GET /v1/products/{id}/images',
  'GET /v1/images/{id}',
  'GET /v1/images/{id}/content',
  'GET /v1/images/{id}/similar',
  'GET /v1/products',
  'POST /v1/webhooks/{id}/test',
  'GET /v1/webhooks/{id}/deliveries',
  'POST /v1/deliveries/{id}/redeliver',
  'POST /v1/webhooks/{id}/recover',
  'POST /v1/inbound-sources',
  'GET /v1/inbound-sources',
  'GET /v1/inbound-sources/{id}',
  'PATCH /v1/inbound-sources/{id}',
  'POST /v1/inbound/{id}',
  'POST /v1/inbound-sources/{id}/rotate-secret',
  'POST /v1/imports',
  'GET /v1/imports/{id}',
  'DELETE /v1/inbound-sources/{id}',
  'DELETE /v1/webhooks/{id}',
  'DELETE /v1/processors/{name}',
  'DELETE /v1/products/{id}',
  'DELETE /v1/admin/tenants/{id}/keys/{keyId}',
];

/** Operations whose example cannot run here, each with the reason. Empty today: keep it short. */
const NOT_RUN: Record<string, string> = {};

/** Operations whose example the test completes, and how (a secret shown once signs the request). */
const SIGNED_BY_TEST: Record<string, string> = {
  'POST /v1/processor-callbacks/{tenantId}/{name}': 'signed (Standard Webhooks) with the processor secret PUT /v1/processors/{name} showed once',
};

/** Server-made values an example shows and a real answer replaces: ids and secrets shown once. */
const SERVER_VALUE = /^(ten|key|job|wh|dlv|evt|src|img)_[0-9A-Z]{26}(_\d+)?$|^(ssk|whsec)_[A-Za-z0-9_+/=-]{20,}$/;
const EMBEDDED_ID = /(ten|key|job|wh|dlv|evt|src|img)_[0-9A-Z]{26}/g;

function operations(doc: Json): Array<{ key: string; path: string; method: string; op: Json }> {
  const out = [];
  for (const [path, item] of Object.entries<Json>(doc.paths)) {
    for (const method of METHODS) if (item[method]) out.push({ key: `${method.toUpperCase()} ${path}`, path, method, op: item[method] });
  }
  return out;
}

/** Example value -> real value, learnt by walking a documented answer beside the real one. */
class Ids {
  readonly real = new Map<string, string>();
  private counters = new Map<string, number>();

  learn(example: unknown, actual: unknown): void {
    if (typeof example === 'string' && typeof actual === 'string') {
      if (SERVER_VALUE.test(example) && !this.real.has(example)) this.real.set(example, actual);
      return;
    }
    if (Array.isArray(example) && Array.isArray(actual)) example.forEach((e, i) => this.learn(e, actual[i]));
    else if (example && actual && typeof example === 'object' && typeof actual === 'object') {
      for (const [k, v] of Object.entries(example)) this.learn(v, (actual as Json)[k]);
    }
  }

  /** Capture mode: give every server value an example id (the first of its kind keeps ...6D7E). */
  exampleOf(actual: unknown): unknown {
    if (typeof actual === 'string') {
      const known = new Map([...this.real].map(([e, a]) => [a, e]));
      if (!SERVER_VALUE.test(actual)) return actual.replace(EMBEDDED_ID, (id) => known.get(id) ?? id);
      if (known.has(actual)) return known.get(actual);
      const prefix = actual.split('_')[0]!;
      const n = this.counters.get(prefix) ?? 0;
      this.counters.set(prefix, n + 1);
      const example = /^(ssk|whsec)$/.test(prefix)
        ? `${prefix}_Example0secret0shown0once${n || ''}`
        : `${prefix}_01JD7Z8Q6V7N9K3M2X4B5C6D7${'EFGHJKMNPQRSTVWXYZ'[n] ?? 'Z'}`;
      this.real.set(example, actual);
      return example;
    }
    if (Array.isArray(actual)) return actual.map((v) => this.exampleOf(v));
    if (actual && typeof actual === 'object') return Object.fromEntries(Object.entries(actual).map(([k, v]) => [k, this.exampleOf(v)]));
    return actual;
  }

  swap(text: string): string {
    for (const [example, real] of this.real) text = text.split(example).join(real);
    return text;
  }
}

function validator(doc: Json, schema: Json): Validator {
  return new Validator({ ...schema, components: doc.components }, '2020-12', false);
}

function errorsOf(doc: Json, schema: Json, value: unknown): string {
  const result = validator(doc, schema).validate(value);
  return result.valid ? '' : JSON.stringify(result.errors.slice(-4).map((e) => `${e.instanceLocation}: ${e.error}`));
}

describe('the contract: every documented example against the app', () => {
  const worker = createWorker();
  // OUTBOUND_ONLY is the test suite's pin of outgoing traffic to loopback; the examples name public
  // hosts (https://receiver.example, as a real client would), so the API sees the settings of
  // `npm start`. The queue consumers still run with the pin: nothing leaves the machine.
  const apiEnv = { ...env, OUTBOUND_ONLY: undefined } as typeof env;
  let doc: Json;

  async function send(request: Request): Promise<Response> {
    const ctx = createExecutionContext();
    const res = await worker.fetch(request, apiEnv, ctx);
    await waitOnExecutionContext(ctx);
    return res;
  }

  beforeAll(async () => {
    const res = await send(new Request(`${ORIGIN}/openapi.json`));
    expect(res.status).toBe(200);
    doc = await res.json();
  });

  it('every operation has a request example for each parameter and body, and a 2xx answer example', () => {
    const missing: string[] = [];
    for (const { key, op } of operations(doc)) {
      for (const p of (op.parameters ?? []) as Json[]) {
        if (p.required && p.example === undefined) missing.push(`${key}: parameter ${p.in} ${p.name}`);
      }
      const body = op.requestBody?.content as Json | undefined;
      if (body && !Object.values<Json>(body).some((m) => m.example !== undefined)) missing.push(`${key}: request body`);
      // JSON answers; bytes (an image) are not written as examples.
      const answers = Object.entries<Json>(op.responses).filter(([s, r]) => /^2/.test(s) && Object.keys(r.content ?? {}).some((t) => t.includes('json')));
      if (answers.length > 0 && !answers.some(([, r]) => Object.values<Json>(r.content).some((m) => m.example !== undefined))) {
        missing.push(`${key}: 2xx answer`);
      }
    }
    expect(missing, 'operations without examples (add them in src/docs/examples)').toEqual([]);
  });

  it('every documented example validates against its own schema', () => {
    const wrong: string[] = [];
    for (const { key, op } of operations(doc)) {
      for (const [type, media] of Object.entries<Json>(op.requestBody?.content ?? {})) {
        if (media.example !== undefined && type.includes('json')) {
          const errors = errorsOf(doc, media.schema, media.example);
          if (errors) wrong.push(`${key} request: ${errors}`);
        }
      }
      for (const [status, response] of Object.entries<Json>(op.responses)) {
        for (const [type, media] of Object.entries<Json>(response.content ?? {})) {
          if (media.example !== undefined && type.includes('json')) {
            const errors = errorsOf(doc, media.schema, media.example);
            if (errors) wrong.push(`${key} ${status}: ${errors}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('every operation has a place in the order (or a reason not to run)', () => {
    const keys = operations(doc).map((o) => o.key);
    expect(keys.filter((k) => !ORDER.includes(k) && !NOT_RUN[k]), 'operations missing from ORDER').toEqual([]);
    expect(ORDER.filter((k) => !keys.includes(k)), 'ORDER names operations the document lacks').toEqual([]);
  });

  it('each example, sent in order, is accepted and answered as documented', async () => {
    // The real answers with example ids, printed when an answer example is missing (to fill responses.ts).
    const capture = operations(doc).some(({ op }) =>
      Object.entries<Json>(op.responses).some(([s, r]) => /^2/.test(s) && Object.entries<Json>(r.content ?? {}).some(([t, m]) => t.includes('json') && m.example === undefined)),
    );
    const ids = new Ids();
    const captured: Record<string, Record<number, unknown>> = {};
    const byKey = new Map(operations(doc).map((o) => [o.key, o]));
    const failures: string[] = [];
    let tenantKey = '';
    let processorSecret = '';

    for (const key of ORDER) {
      if (NOT_RUN[key]) continue;
      const { path, method, op } = byKey.get(key)!;
      await before(key);

      // The request, from the document's examples.
      let url = path;
      const query = new URLSearchParams();
      const headers = new Headers(op['x-example-headers'] ?? {});
      for (const p of (op.parameters ?? []) as Json[]) {
        if (p.example === undefined) continue;
        const value = ids.swap(String(p.example));
        if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(value));
        else if (p.in === 'query') query.set(p.name, value);
        else if (p.in === 'header') headers.set(p.name, value);
      }
      const security: Json[] = op.security ?? [];
      if (security.some((s) => 'adminToken' in s)) headers.set('authorization', `Bearer ${ADMIN_TOKEN}`);
      else if (security.some((s) => 'bearer' in s)) headers.set('authorization', `Bearer ${tenantKey}`);
      let body: string | undefined;
      const content = op.requestBody?.content as Json | undefined;
      if (content) {
        const [type, media] = Object.entries<Json>(content).find(([, m]) => m.example !== undefined)!;
        body = ids.swap(typeof media.example === 'string' ? media.example : JSON.stringify(media.example));
        headers.set('content-type', type);
      }
      if (SIGNED_BY_TEST[key]) {
        for (const [name, value] of Object.entries(await signedHeaders([processorSecret], 'msg_contract', body ?? ''))) headers.set(name, value);
      }
      const target = `${ORIGIN}${url}${query.size ? `?${query}` : ''}`;
      const res = await send(new Request(target, { method: method.toUpperCase(), headers, body }));

      // The answer, against the document.
      const status = String(res.status);
      const documented = op.responses[status] as Json | undefined;
      const text = await res.text();
      if (!/^2/.test(status) || !documented) {
        failures.push(`${key} -> ${status}${documented ? '' : ' (undocumented)'}: ${text.slice(0, 400)}`);
        continue;
      }
      const [type, media] = Object.entries<Json>(documented.content ?? {})[0] ?? [];
      if (media) {
        expect(res.headers.get('content-type') ?? '', key).toContain(type!.replace('/*', ''));
        if (type!.includes('json')) {
          const answer = JSON.parse(text);
          const errors = errorsOf(doc, media.schema, answer);
          if (errors) failures.push(`${key} -> ${status} does not match its schema: ${errors}`);
          if (media.example !== undefined) ids.learn(media.example, answer);
          if (capture) (captured[key] ??= {})[res.status] = ids.exampleOf(answer);
          if (key === 'POST /v1/admin/tenants') tenantKey = answer.apiKey.key;
          if (key === 'PUT /v1/processors/{name}') processorSecret = answer.secret;
        }
      } else if (text.length > 0 && res.status === 204) failures.push(`${key} -> 204 with a body`);
    }
    if (capture) console.log(`CONTRACT_CAPTURE ${JSON.stringify(captured, null, 2)}`);
    expect(failures).toEqual([]);
    // Queue work the examples started must end here, inside this test's storage.
    await sleep(0);

    /** Work the next example depends on that the server finishes after answering (queues). */
    async function before(key: string): Promise<void> {
      const auth = { authorization: `Bearer ${tenantKey}` };
      const poll = async (path: string, ready: (body: Json) => boolean, what: string) => {
        for (let i = 0; i < 300; i++) {
          const res = await send(new Request(`${ORIGIN}${ids.swap(path)}`, { headers: auth }));
          if (res.ok && ready(await res.json())) return;
          await sleep(50);
        }
        failures.push(`${key}: ${what} never happened`);
      };
      if (key === 'GET /v1/products/{id}/images') await poll('/v1/products/edb1e435d172', (p) => p.status === 'done', 'the uploaded image was never processed');
      if (key === 'GET /v1/webhooks/{id}/deliveries') {
        await poll('/v1/webhooks/wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E/deliveries', (d) => d.data.some((x: Json) => x.attemptCount > 0), 'no delivery was attempted');
      }
    }
  }, 240_000);
});
