/**
 * The one auth suite for every /v1 route: the routes come from GET /openapi.json, so a route added
 * later is covered without touching this file. Each operation is classified by the security scheme
 * it declares: tenant API key (`apiKey` / `bearer`), `adminToken`, or a request signature
 * (`hmacSignature`, the ERP push entry, DESIGN "inbound"); an operation declaring none of these fails.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, bearer, call, createTenant, expectProblem, issueKey, revokeKey, type TestTenant } from '../helpers/api';

type Kind = 'tenant' | 'admin' | 'signature';

interface Operation {
  method: string;
  path: string;
  kind: Kind | null;
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

function kindOf(security: Array<Record<string, unknown>> | undefined): Kind | null {
  const schemes = new Set((security ?? []).flatMap((requirement) => Object.keys(requirement)));
  if (schemes.size === 0) return null;
  if ([...schemes].every((s) => s === 'apiKey' || s === 'bearer')) return 'tenant';
  if ([...schemes].every((s) => s === 'adminToken')) return 'admin';
  if ([...schemes].every((s) => s === 'hmacSignature')) return 'signature';
  return null;
}

const spec = (await (await call('/openapi.json')).json()) as {
  paths: Record<string, Record<string, { security?: Array<Record<string, unknown>> }>>;
};
const operations: Operation[] = Object.entries(spec.paths)
  .filter(([path]) => path.startsWith('/v1/'))
  .flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([m]) => METHODS.includes(m))
      .map(([m, op]) => ({ method: m.toUpperCase(), path, kind: kindOf(op.security) })),
  );

/** Path parameters become ids nobody has, so an accepted request touches nothing that exists. */
function concrete(path: string): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => (name === 'keyId' ? 'key_authsuite' : name === 'id' ? 'authsuite-nope' : `${name}-x`));
}

function request(op: Operation, headers: Record<string, string>): Promise<Response> {
  const hasBody = op.method === 'POST' || op.method === 'PUT' || op.method === 'PATCH';
  return call(concrete(op.path), { method: op.method, headers, ...(hasBody ? { json: {} } : {}) });
}

/**
 * 401 in the envelope. RFC 9110: a 401 carries a challenge; key-authenticated routes challenge for a
 * Bearer token. Signature routes are held to the challenge only once (`challenge: true`), so one
 * missing header is one failing test.
 */
async function expectUnauthorized(res: Response, op: Operation, challenge = op.kind !== 'signature'): Promise<void> {
  await expectProblem(res, 401, 'unauthorized');
  if (challenge) {
    const header = res.headers.get('www-authenticate');
    expect(header, `${op.method} ${op.path}: WWW-Authenticate`).toBeTruthy();
    if (op.kind !== 'signature') expect(header).toMatch(/^Bearer\b/);
  }
  expect(res.headers.get('ratelimit-policy')).toBeTruthy();
}

let tenant: TestTenant;
let revoked: { key: string };

beforeAll(async () => {
  tenant = await createTenant();
  const extra = await issueKey(tenant.id, 'to-revoke');
  await revokeKey(tenant.id, extra.id);
  revoked = extra;
});

describe('route enumeration', () => {
  it('every /v1 operation declares a known security scheme', () => {
    expect(operations.filter((op) => op.kind === null).map((op) => `${op.method} ${op.path}`)).toEqual([]);
    expect(operations.filter((op) => op.path.startsWith('/v1/admin/')).every((op) => op.kind === 'admin')).toBe(true);
  });

  it('finds every known /v1 route in the OpenAPI document', () => {
    const names = operations.map((op) => `${op.method} ${op.path}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'POST /v1/admin/tenants',
        'GET /v1/admin/tenants/{id}',
        'PATCH /v1/admin/tenants/{id}',
        'POST /v1/admin/tenants/{id}/keys',
        'GET /v1/admin/tenants/{id}/keys',
        'DELETE /v1/admin/tenants/{id}/keys/{keyId}',
        'PUT /v1/products/{id}',
        'PATCH /v1/products/{id}',
        'GET /v1/products/{id}',
        'DELETE /v1/products/{id}',
        'GET /v1/products',
        'POST /v1/products/batch',
        'GET /v1/jobs',
        'GET /v1/jobs/{id}',
        'GET /v1/jobs/{id}/errors',
        'GET /v1/events',
      ]),
    );
  });
});

describe.each(operations)('$method $path', (op) => {
  it('refuses a request without credentials: 401 problem+json with WWW-Authenticate', async () => {
    await expectUnauthorized(await request(op, {}), op, true);
    await expectUnauthorized(await request(op, { authorization: 'Bearer ' }), op);
    await expectUnauthorized(await request(op, { authorization: 'Basic dXNlcjpwYXNz' }), op);
  });

  it('refuses a wrong key', async () => {
    await expectUnauthorized(await request(op, bearer('ssk_this-is-not-a-key')), op);
    await expectUnauthorized(await request(op, { 'x-api-key': 'ssk_this-is-not-a-key' }), op);
  });

  it('refuses a revoked key', async () => {
    await expectUnauthorized(await request(op, bearer(revoked.key)), op);
    await expectUnauthorized(await request(op, { 'x-api-key': revoked.key }), op);
  });

  if (op.kind === 'admin') {
    it('refuses a tenant key and accepts only the admin token', async () => {
      for (const headers of [tenant.headers, { 'x-api-key': tenant.key }]) {
        const res = await request(op, headers);
        expect([401, 403], `${op.method} ${op.path} with a tenant key`).toContain(res.status);
        await expectProblem(res, res.status);
      }
      const res = await request(op, ADMIN);
      expect([401, 403]).not.toContain(res.status);
      expect(res.status).toBeLessThan(500);
    });
  } else if (op.kind === 'tenant') {
    it('refuses the admin token and accepts a tenant key (Bearer or x-api-key)', async () => {
      await expectUnauthorized(await request(op, ADMIN), op);
      for (const headers of [tenant.headers, { 'x-api-key': tenant.key }]) {
        const res = await request(op, headers);
        expect([401, 403], `${op.method} ${op.path} with the tenant key`).not.toContain(res.status);
        expect(res.status).toBeLessThan(500);
        expect(res.headers.get('ratelimit-policy')).toBeTruthy();
      }
    });
  } else {
    it('is not opened by an API key or the admin token (only a signature is a credential)', async () => {
      await expectUnauthorized(await request(op, ADMIN), op);
      await expectUnauthorized(await request(op, tenant.headers), op);
      await expectUnauthorized(await request(op, { 'x-api-key': tenant.key }), op);
    });
  }
});
