/**
 * The layers of src/ as code (ARCHITECTURE.md draws them; DESIGN "Layers"). `npm test` runs
 * `npm run lint:deps` first, so an upward import or a cycle fails CI before any test runs.
 *
 * LAYERS is a total order: a module may import only from modules listed before it (and from itself).
 * Where a lower module must tell a higher one something (images report a product's processing status
 * to the catalog; the core renders a dialect's webhook payload), the higher one hands it a callback
 * or a registry at the composition root (src/app.ts, src/index.ts), as hono's bearerAuth takes
 * `verifyToken`: the core never imports its plugins.
 */
const LAYERS = [
  'lib',
  'db',
  'config',
  'env',
  // Tenants on data shards (DESIGN "Shards"): where a tenant lives, the env scoped to its shard, a
  // move's transitions. Below http and auth: every entry point routes through it.
  'placement',
  'http',
  // Sealing secrets at rest. After http: a missing key is an ApiError (503) the keyring throws. Before
  // everything that stores a secret (idempotency's no-store answers, images' processors, webhooks,
  // inbound sources, admin) and the cron that reseals them.
  'secrets',
  'outbound',
  'auth',
  'events',
  'jobs',
  'idempotency',
  'images',
  'webhooks',
  'catalog',
  'imports',
  'inbound',
  // Similar and complementary products: reads the catalog's rows and the images' thumbnails, writes its
  // own tables and events through the outbox; the Sizebay dialect and the queue entry sit above it.
  'recommendations',
  'dialects',
  // Moving a tenant between shards (admin): above the data it copies, below the queue entry and
  // the cron that drive it and the admin router that mounts its routes.
  'moves',
  'queues',
  'cron',
  // Read-only aggregates over the other modules' tables (/v1/stats; the admin view and the dashboard show them).
  'stats',
  'admin',
  'docs',
  'dashboard',
  'app',
];

/** `src/<name>/...` or `src/<name>.ts` (config.ts, env.ts, app.ts, index.ts = the composition root). */
const modulePath = (name) => (name === 'app' ? '^src/(app|index)\\.ts$' : `^src/${name}(/|\\.ts$)`);

const upward = LAYERS.flatMap((name, i) => {
  const above = LAYERS.slice(i + 1);
  if (above.length === 0) return [];
  return [
    {
      name: `layer-${name}`,
      comment: `${name} may import only from ${LAYERS.slice(0, i).join(', ') || 'nothing in src'} (see ARCHITECTURE.md)`,
      severity: 'error',
      from: { path: modulePath(name) },
      to: { path: above.map(modulePath) },
    },
  ];
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Import cycles make the layers meaningless and the load order fragile.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve is a typo or a missing dependency.',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
    {
      name: 'dialects-are-separate',
      comment: 'A dialect is an adapter over the services; it never imports another dialect.',
      severity: 'error',
      from: { path: '^src/dialects/([^/]+)/' },
      to: { path: '^src/dialects/', pathNot: ['^src/dialects/$1/', '^src/dialects/shared/'] },
    },
    {
      name: 'no-src-to-tests',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|bench|scripts|cli)/' },
    },
    {
      name: 'module-internals',
      comment:
        "A module's SQL (*.queries.ts) and the catalog's write path (catalog/write/) are its internals: other modules go through its public files.",
      severity: 'error',
      from: { path: '^src/([^/.]+)' },
      to: { path: ['^src/[^/]+/.*[.]queries[.]ts$', '^src/catalog/write/'], pathNot: ['^src/$1/'] },
    },
    ...upward,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|public|dist|\\.wrangler)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
