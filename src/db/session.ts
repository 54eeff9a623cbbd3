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
 * (the session starts as if none were sent), never an error. D1 documents bookmarks as opaque and
 * lexicographically sortable; the ones it issues are dash-separated hex groups (local D1 today:
 * `00000000-0000000e-00000000-` + 32 hex digits). The check accepts any dash-separated hex groups up
 * to 128 characters, permissive about group count and widths, and refuses the rest: a client cannot
 * make the Worker pass arbitrary text to D1 (local D1 echoes whatever it is given back as the
 * session's bookmark, so garbage would be re-issued to the client forever).
 */
export function readBookmark(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  return trimmed.length <= 128 && /^[0-9A-Fa-f]+(?:-[0-9A-Fa-f]+)*$/.test(trimmed) ? trimmed : null;
}

export interface ReadSession {
  db: Pick<D1Database, 'prepare' | 'batch'>;
  /** The bookmark to hand back to the client (null until a query ran, or without sessions). */
  bookmark(): string | null;
}

/**
 * A session on `binding` starting at the client's bookmark, else at `start`. A bookmark D1 refuses
 * when the session is opened falls back to `start` (the request is served as if it had sent none,
 * never a 5xx); a binding without the Sessions API is used as it is (every read at the primary).
 */
export function openSession(binding: D1Database, bookmark: string | null, start: SessionStart): ReadSession {
  if (typeof binding.withSession !== 'function') return { db: binding, bookmark: () => null };
  // Checked again here, so no caller can hand D1 a header value unread.
  const from = readBookmark(bookmark);
  let session: D1DatabaseSession;
  try {
    session = binding.withSession(from ?? start);
  } catch (error) {
    if (from === null) throw error;
    session = binding.withSession(start);
  }
  return { db: session, bookmark: () => readBookmark(session.getBookmark()) };
}
