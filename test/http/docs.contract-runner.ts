/**
 * The contract runner (used by docs.contract*.test.ts): every operation of an OpenAPI document served
 * by the app, run from its documented example as a client would (create before read, update, delete),
 * and every answer validated against the schema the document gives for its status. Ids in the
 * examples are followed: when a create answers a real id where its documented answer shows an example
 * id, later examples naming that example id get the real one.
 *
 * A new operation fails, by name, until it has examples and a place in the suite's order (or a reason
 * not to run). While an answer example is missing, the real answers are printed with example ids (to
 * fill the examples module).
 */
import { Validator } from '@cfworker/json-schema';
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWorker } from '../../src/app';
import { sleep } from '../helpers/poll';

type Json = Record<string, any>;
export const ORIGIN = 'http://127.0.0.1:8787';
export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef0123';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Server-made values an example shows and a real answer replaces: ids and secrets shown once. */
const SERVER_VALUE = /^(ten|key|job|wh|dlv|evt|src|img)_[0-9A-Z]{26}(_\d+)?$|^(ssk|whsec)_[A-Za-z0-9_+/=-]{20,}$/;
const EMBEDDED_ID = /(ten|key|job|wh|dlv|evt|src|img)_[0-9A-Z]{26}/g;

export function operations(doc: Json): Array<{ key: string; path: string; method: string; op: Json }> {
  const out = [];
  for (const [path, item] of Object.entries<Json>(doc.paths)) {
    for (const method of METHODS) if (item[method]) out.push({ key: `${method.toUpperCase()} ${path}`, path, method, op: item[method] });
  }
  return out;
}

/** Example value -> real value, learnt by walking a documented answer beside the real one. */
export class Ids {
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
      // A value that is already an example id (an answer that quotes examples) stays as it is.
      if (this.real.has(actual)) return actual;
      const prefix = actual.split('_')[0]!;
      let example: string;
      do {
        const n = this.counters.get(prefix) ?? 0;
        this.counters.set(prefix, n + 1);
        example = /^(ssk|whsec)$/.test(prefix)
          ? `${prefix}_Example0secret0shown0once${n || ''}`
          : `${prefix}_01JD7Z8Q6V7N9K3M2X4B5C6D7${'EFGHJKMNPQRSTVWXYZ'[n] ?? 'Z'}`;
      } while (this.real.has(example));
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

export function errorsOf(doc: Json, schema: Json, value: unknown): string {
  const result = validator(doc, schema).validate(value);
  return result.valid ? '' : JSON.stringify(result.errors.slice(-4).map((e) => `${e.instanceLocation}: ${e.error}`));
}


export type State = Record<string, string>;

export interface ContractSpec {
  title: string;
  /** Where the app serves the document; operation paths are relative to its `servers[0].url`. */
  docPath: string;
  /** Every operation (`METHOD /path`), in the order a client meets them. */
  order: string[];
  /** Operations whose example cannot run here, each with the reason. */
  notRun?: Record<string, string>;
  /** Requests made before the examples (a tenant to own them), answering the state they start with. */
  setup?(send: (request: Request) => Promise<Response>): Promise<State>;
  /** Puts credentials on the request of this operation (and may complete it: say why where it does). */
  authorize(key: string, op: Json, request: { headers: Headers; query: URLSearchParams; body?: string }, state: State): void | Promise<void>;
  /** Keeps what later requests need from an answer (a key, a secret shown once). */
  remember?(key: string, answer: any, state: State): void;
  /**
   * Waits for work an example depends on that the server finishes after answering (queues); `poll`
   * reads a /v1 path with `state.tenantKey` until `ready`. Answers what never happened, or null.
   */
  before?(key: string, poll: (path: string, ready: (body: Json) => boolean) => Promise<boolean>, state: State): Promise<string | null>;
  /** Checks after every example ran: `get` reads a /v1 path with `state.tenantKey`. Answers what is wrong. */
  verify?(get: (path: string) => Promise<Json>, doc: Json, state: State): Promise<string[]>;
}

export function defineContract(spec: ContractSpec): void {
  describe(spec.title, () => {
    const worker = createWorker();
    // The examples name public hosts (https://receiver.example, as a real client would). The suite's
    // OUTBOUND_ONLY pin applies when sending, not when a target is registered, so they are accepted
    // and never contacted: nothing leaves the machine.
    const apiEnv = env;
    const notRun = spec.notRun ?? {};
    let doc: Json;
    let base = '';

    async function send(request: Request): Promise<Response> {
      const ctx = createExecutionContext();
      const res = await worker.fetch(request, apiEnv, ctx);
      await waitOnExecutionContext(ctx);
      return res;
    }

    beforeAll(async () => {
      const res = await send(new Request(`${ORIGIN}${spec.docPath}`));
      expect(res.status).toBe(200);
      doc = await res.json();
      base = doc.servers?.[0]?.url === '/' ? '' : (doc.servers?.[0]?.url ?? '');
    });

    it('every operation has a request example for each parameter and body, and a 2xx answer example', () => {
      const missing: string[] = [];
      for (const { key, op } of operations(doc)) {
        for (const p of (op.parameters ?? []) as Json[]) {
          if (p.required && p.example === undefined && p.schema?.example === undefined) missing.push(`${key}: parameter ${p.in} ${p.name}`);
        }
        const body = op.requestBody?.content as Json | undefined;
        if (body && !Object.values<Json>(body).some((m) => m.example !== undefined)) missing.push(`${key}: request body`);
        if (!hasAnswerExample(op)) missing.push(`${key}: 2xx answer`);
      }
      expect(missing, 'operations without examples').toEqual([]);
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
      expect(keys.filter((k) => !spec.order.includes(k) && !notRun[k]), 'operations missing from the order').toEqual([]);
      expect(spec.order.filter((k) => !keys.includes(k)), 'the order names operations the document lacks').toEqual([]);
      for (const [k, reason] of Object.entries(notRun)) expect(reason.length, `${k} needs a reason`).toBeGreaterThan(20);
    });

    it('each example, sent in order, is accepted and answered as documented', async () => {
      const capture = operations(doc).some(({ op }) => !hasAnswerExample(op));
      const ids = new Ids();
      const captured: Record<string, Record<number, unknown>> = {};
      const byKey = new Map(operations(doc).map((o) => [o.key, o]));
      const failures: string[] = [];
      const state = (await spec.setup?.(send)) ?? {};
      const poll = async (path: string, ready: (body: Json) => boolean) => {
        for (let i = 0; i < 300; i++) {
          const res = await send(new Request(`${ORIGIN}${ids.swap(path)}`, { headers: { authorization: `Bearer ${state.tenantKey}` } }));
          if (res.ok && ready(await res.json())) return true;
          await sleep(50);
        }
        return false;
      };

      for (const key of spec.order) {
        if (notRun[key]) continue;
        const { path, method, op } = byKey.get(key)!;
        const waited = await spec.before?.(key, poll, state);
        if (waited) failures.push(`${key}: ${waited}`);

        let url = path;
        const query = new URLSearchParams();
        const headers = new Headers(op['x-example-headers'] ?? {});
        for (const p of (op.parameters ?? []) as Json[]) {
          const example = p.example ?? p.schema?.example;
          if (example === undefined) continue;
          const value = ids.swap(String(example));
          if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(value));
          else if (p.in === 'query') query.set(p.name, value);
          else if (p.in === 'header') headers.set(p.name, value);
        }
        let body: string | undefined;
        const content = op.requestBody?.content as Json | undefined;
        if (content) {
          const [type, media] = Object.entries<Json>(content).find(([, m]) => m.example !== undefined)!;
          body = ids.swap(typeof media.example === 'string' ? media.example : JSON.stringify(media.example));
          headers.set('content-type', type);
        }
        const request = { headers, query, body };
        await spec.authorize(key, op, request, state);
        body = request.body;
        const target = `${ORIGIN}${base}${url}${query.size ? `?${query}` : ''}`;
        const res = await send(new Request(target, { method: method.toUpperCase(), headers, body }));

        const status = String(res.status);
        const documented = op.responses[status] as Json | undefined;
        const isJson = (res.headers.get('content-type') ?? '').includes('json');
        const bytes = isJson ? 0 : (await res.arrayBuffer()).byteLength;
        const text = isJson ? await res.text() : `${bytes} bytes`;
        if (!/^2/.test(status) || !documented) {
          failures.push(`${key} -> ${status}${documented ? '' : ' (undocumented)'}: ${text.slice(0, 400)}`);
          continue;
        }
        const [type, media] = Object.entries<Json>(documented.content ?? {})[0] ?? [];
        if (!media) {
          if (res.status === 204 && bytes > 0) failures.push(`${key} -> 204 with a body`);
          continue;
        }
        if (!(res.headers.get('content-type') ?? '').startsWith(type!.replace('/*', ''))) failures.push(`${key} -> content-type ${res.headers.get('content-type')}, documented ${type}`);
        if (!type!.includes('json')) continue;
        const answer = JSON.parse(text);
        const errors = errorsOf(doc, media.schema, answer);
        if (errors) failures.push(`${key} -> ${status} does not match its schema: ${errors}`);
        if (media.example !== undefined) ids.learn(media.example, answer);
        if (capture) (captured[key] ??= {})[res.status] = ids.exampleOf(answer);
        spec.remember?.(key, answer, state);
      }
      const get = async (path: string) => (await send(new Request(`${ORIGIN}${path}`, { headers: { authorization: `Bearer ${state.tenantKey}` } }))).json() as Promise<Json>;
      failures.push(...((await spec.verify?.(get, doc, state)) ?? []));
      if (capture) console.log(`CONTRACT_CAPTURE ${JSON.stringify(captured, null, 2)}`);
      expect(failures).toEqual([]);
    }, 240_000);
  });
}

/** A JSON 2xx answer documents an example (bytes, like an image, are not written as examples). */
function hasAnswerExample(op: Json): boolean {
  const answers = Object.entries<Json>(op.responses).filter(([s, r]) => /^2/.test(s) && Object.keys(r.content ?? {}).some((t) => t.includes('json')));
  return answers.length === 0 || answers.some(([, r]) => Object.values<Json>(r.content).some((m) => m.example !== undefined));
}
