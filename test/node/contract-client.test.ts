/**
 * The typed client: cli/api/schema.d.ts is what `npm run client:generate` makes from the current
 * /openapi.json (run it after changing a route or schema), and its types describe the API as the
 * CLI calls it (this file is type-checked by `tsc`; test/node/cli.test.ts runs the CLI for real).
 */
import { readFileSync } from 'node:fs';
import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import type { paths } from '../../cli/api/schema';
import { SCHEMA_PATH, clientTypesText } from '../../scripts/openapi/client';

describe('cli/api/schema.d.ts', () => {
  it('is current: what `npm run client:generate` writes from /openapi.json', async () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(await clientTypesText());
  });

  it('types requests and answers by path (a typed call reaches the server as documented)', async () => {
    const seen: Request[] = [];
    const client = createClient<paths>({
      baseUrl: 'http://127.0.0.1:8787',
      headers: { authorization: 'Bearer ssk_test' },
      fetch: async (request: Request) => {
        seen.push(request);
        return Response.json({ id: 'job_01JD7Z8Q6V7N9K3M2X4B5C6D7E', kind: 'write', status: 'completed' });
      },
    });
    const { data } = await client.GET('/v1/jobs/{id}', { params: { path: { id: 'job_01JD7Z8Q6V7N9K3M2X4B5C6D7E' } } });
    // `status` is typed as the documented enum: a typo here would not compile.
    const status: 'pending' | 'processing' | 'completed' | 'failed' | 'partial' | undefined = data?.status;
    expect(status).toBe('completed');
    expect(seen[0]!.url).toBe('http://127.0.0.1:8787/v1/jobs/job_01JD7Z8Q6V7N9K3M2X4B5C6D7E');
    expect(seen[0]!.headers.get('authorization')).toBe('Bearer ssk_test');
  });
});
