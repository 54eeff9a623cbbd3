/**
 * `ETag` / `If-None-Match` -> 304 for JSON reads (RFC 9110 §8.8.3, §13.1.2).
 *
 * The tag is a hash of the body as sent, so it moves whenever any byte of the answer does: a
 * product's `"{version}"` alone stayed put while its images were processed and its `status` moved.
 * A handler that sets `ETag: "<version>"` keeps that version at the front, `"<version>-<hash>"`, so
 * `If-Match` on a write can still read the version out of a tag a read handed out.
 */
import type { MiddlewareHandler } from 'hono';
import { toBase64Url } from '../lib/crypto';

const VERSION_TAG = /^"(\d+)"$/;

/** 96 bits of SHA-256 of the body: collisions are not a concern at one resource's history. */
async function bodyHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return toBase64Url(new Uint8Array(digest).slice(0, 12));
}

/** If-None-Match against one tag: weak comparison (a `W/` prefix is ignored), `*` matches any. */
export function noneMatchHits(header: string | undefined, tag: string): boolean {
  if (header === undefined) return false;
  const opaque = (value: string) => value.trim().replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim() === '*' || opaque(candidate) === tag);
}

/** Route middleware for a GET that answers JSON: sets the tag on a 200 and answers 304 when it matches. */
export function readEtag(): MiddlewareHandler {
  return async function readEtag(c, next) {
    await next();
    if (c.res.status !== 200) return;
    const hash = await bodyHash(await c.res.clone().text());
    const version = VERSION_TAG.exec(c.res.headers.get('etag') ?? '')?.[1];
    const tag = version !== undefined ? `"${version}-${hash}"` : `"${hash}"`;
    if (!noneMatchHits(c.req.header('if-none-match'), tag)) {
      c.res.headers.set('ETag', tag);
      return;
    }
    // Assigning c.res copies the previous response's headers (all but content-type) onto the new one.
    c.res.headers.set('ETag', tag);
    c.res.headers.delete('content-length');
    c.res = new Response(null, { status: 304 });
  };
}
