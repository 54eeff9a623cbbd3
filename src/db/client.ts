import { drizzle } from 'drizzle-orm/d1';
import * as schema from './schema';

/** A typed drizzle handle over the D1 binding (cheap: build one per request or batch). */
export function database(db: D1Database) {
  return drizzle(db, { schema });
}

export type Database = ReturnType<typeof database>;
