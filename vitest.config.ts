/**
 * Two projects: `workers` runs inside workerd with real local D1/R2/Queues (the Worker as deployed,
 * bindings from wrangler.toml, test secrets here because a fresh clone has no .dev.vars); `node`
 * runs the checks that need Node (OpenAPI validation, schema/migration drift).
 */
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [
          cloudflareTest(async () => ({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: {
                TEST_MIGRATIONS: await readD1Migrations('./migrations'),
                ADMIN_TOKEN: 'test-admin-token',
                ENVIRONMENT: 'test',
                // Generated URLs use the request's origin in tests, whatever a local .dev.vars says.
                PUBLIC_BASE_URL: '',
                ALLOW_PRIVATE_TARGETS: '127.0.0.1/32,::1/128',
                OUTBOUND_ONLY: '127.0.0.1',
                // The fixture receiver listens on a random port.
                ALLOW_TARGET_PORTS: '*',
                IMAGE_URL_SECRET: 'test-image-url-secret',
                DELIVERY_TIMEOUT_MS: '2000',
                GESMART_WEBHOOK_SECRET: 'gesmart-test-secret-0123456789abcdef',
                GESMART_TENANT: 'gesmart-erp',
                JWT_SECRET: 'test-jwt-secret-0123456789abcdef0123456789',
              },
            },
          })),
        ],
        test: {
          name: 'workers',
          include: ['test/**/*.test.ts'],
          exclude: ['test/node/**'],
          setupFiles: ['./test/setup/apply-migrations.ts'],
          globalSetup: ['./test/setup/receiver.ts'],
        },
      },
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
