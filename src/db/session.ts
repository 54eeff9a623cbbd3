/**
 * D1 read replication (DESIGN "Shards"): every request reads through a Sessions API session, so its
 * reads may be served by a nearby replica while staying sequentially consistent. A client that sends
 * back the bookmark of its last answer (`x-d1-bookmark`) reads its own writes; a client that sends
 * none starts unconstrained, except the dialects (their clients send no bookmark and expect to read
 * what they just wrote): they start at the primary.
 */

export const BOOKMARK_HEADER = 'x-d1-bookmark';

export type SessionStart = 'first-primary' | 'first-unconstrained';

/**
 * A bookmark as a client sent it, or null when it cannot be one: an unreadable bookmark is ignored
 * (the session starts as if none were sent), never an error. D1 bookmarks are opaque printable
 * tokens (hex groups separated by dashes today); anything longer or with other characters is refused.
 */
export function readBookmark(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  return /^[0-9A-Za-z_-]{1,128}$/.test(trimmed) ? trimmed : null;
}

export interface ReadSession {
  db: Pick<D1Database, 'prepare' | 'batch'>;
  /** The bookmark to hand back to the client (null until a query ran, or without sessions). */
  bookmark(): string | null;
}

/** A session on `binding` starting at the client's bookmark, else at `start`. */
export function openSession(binding: D1Database, bookmark: string | null, start: SessionStart): ReadSession {
  if (typeof binding.withSession !== 'function') return { db: binding, bookmark: () => null };
  const session = binding.withSession(bookmark ?? start);
  return { db: session, bookmark: () => session.getBookmark() };
}
