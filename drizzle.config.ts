import { defineConfig } from 'drizzle-kit';

// drizzle-kit writes flat `0000_name.sql` files, which is what `wrangler d1 migrations apply` and
// `readD1Migrations()` read. `out` is overridable so the drift test can generate into a temp folder.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/db/schema.ts',
  out: process.env.DRIZZLE_OUT ?? './migrations',
});
