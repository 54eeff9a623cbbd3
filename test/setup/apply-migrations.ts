import { applyD1Migrations, env } from 'cloudflare:test';

// Runs before each test file; applyD1Migrations skips migrations already applied. Every database
// gets the one schema: the control database and each data shard bound (the `shards` project).
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
for (let n = 0; env[`DB_SHARD_${n}`]; n++) await applyD1Migrations(env[`DB_SHARD_${n}`]!, env.TEST_MIGRATIONS);
