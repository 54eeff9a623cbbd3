/**
 * Three projects: `workers` runs inside workerd with real local D1/R2/Queues (the Worker as deployed,
 * bindings from wrangler.toml, test secrets here because a fresh clone has no .dev.vars); `shards`
 * runs the same Worker with four data shards bound besides the control database; `node` runs the
 * checks that need Node (OpenAPI validation, schema/migration drift, wrangler dev end to end).
 */
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

/** Data shards bound in the `shards` project: a control database (`DB`) and four data shards. */
const SHARDS = ['DB_SHARD_0', 'DB_SHARD_1', 'DB_SHARD_2', 'DB_SHARD_3'];

/** A project running inside workerd with real local bindings (wrangler.toml's, plus `d1Databases`). */
function workersProject(name: string, include: string[], exclude: string[], d1Databases: string[] = []) {
  return {
    plugins: [
      cloudflareTest(async () => ({
        wrangler: { configPath: './wrangler.toml' },
        miniflare: {
          // Given, they replace wrangler.toml's list: DB (the control database) is named again.
          ...(d1Databases.length > 0 ? { d1Databases: ['DB', ...d1Databases] } : {}),
          bindings: {
            TEST_MIGRATIONS: await readD1Migrations('./migrations'),
            ADMIN_TOKEN: 'test-admin-token-0123456789abcdef0123',
            ENVIRONMENT: 'test',
            // Generated URLs use the request's origin in tests, whatever a local .dev.vars says.
            PUBLIC_BASE_URL: '',
            ALLOW_PRIVATE_TARGETS: '127.0.0.1/32,::1/128',
            OUTBOUND_ONLY: '127.0.0.1',
            // The fixture receiver listens on a random port.
            ALLOW_TARGET_PORTS: '*',
            IMAGE_URL_SECRET: 'test-image-url-secret',
            DELIVERY_TIMEOUT_MS: '2000',
            // No identity cache: tests revoke keys and change tenants behind the Worker's back.
            KEY_CACHE_TTL_SECONDS: '0',
            // Info lines (one per request and queue batch) would be thousands of console calls, each an
            // RPC to vitest; one still pending when a file's environment tears down fails the run
            // (EnvironmentTeardownError). test/http/access-log.test.ts asks for info itself.
            LOG_LEVEL: 'warn',
            GESMART_WEBHOOK_SECRET: 'gesmart-test-secret-0123456789abcdef',
            GESMART_TENANT: 'gesmart-erp',
            INBOUND_ENV_SECRET_TENANTS: 'unset-secret-user=UNSET_WEBHOOK_SECRET',
            JWT_SECRET: 'test-jwt-secret-0123456789abcdef0123456789',
            SECRETS_KEYS: 'test1:x6x/C34TQXGuMZrK+G8TJlRkY4c85g2qrr6G+vCfdkM=',
          },
          ratelimits: {
            // The suite sends no CF-Connecting-IP, so every keyless request shares the key `unknown`.
            IP_RATE_LIMITER: { namespace_id: '1002', simple: { limit: 1_000_000, period: 60 } },
            // A low-limit twin the per-IP 429 test swaps in (test/http/rate-limit.test.ts).
            LOW_IP_RATE_LIMITER: { namespace_id: '1003', simple: { limit: 5, period: 60 } },
          },
        },
      })),
    ],
    test: {
      name,
      // Image decodes and queue round trips take 1-5 s on a loaded 2-core machine; 5 s flaked there.
      testTimeout: 30_000,
      include,
      exclude,
      setupFiles: ['./test/setup/apply-migrations.ts'],
      globalSetup: ['./test/setup/receiver.ts'],
    },
  };
}

export default defineConfig({
  test: {
    // The Worker writes one JSON line per request and per queue batch (src/lib/log.ts): hidden from
    // the test report (tests that check them capture the console themselves).
    onConsoleLog: (line: string) => !/^\{"level":"(info|debug)","type":"(request|queue)"/.test(line),
    projects: [
      workersProject('workers', ['test/**/*.test.ts'], ['test/node/**', 'test/shards/**']),
      // The same Worker over a control database and four data shards (DESIGN "Shards").
      workersProject('shards', ['test/shards/**/*.test.ts'], [], SHARDS),
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/node/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
