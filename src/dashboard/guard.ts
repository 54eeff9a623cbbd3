/** Pure rules of the dashboard's request checks: where it is mounted, and whether a form came from it. */

/** The path the dashboard is served under (`/dashboard`, or `/catalog/dashboard` inside a host app). */
export function mountOf(pathname: string): string {
  const match = /^(.*?\/dashboard)(?=\/|$)/.exec(pathname);
  return match ? match[1]! : '/dashboard';
}

/**
 * A form post is the dashboard's own when its `Origin` (or, from a browser that sends none, its
 * `Referer`) is one of ours: the request's origin, or PUBLIC_BASE_URL's behind a proxy. SameSite=Lax
 * already keeps the cookie off cross-site posts; this also covers sign-in, which has no session yet.
 */
export function fromOwnOrigin(headers: { origin?: string | undefined; referer?: string | undefined }, allowed: readonly string[]): boolean {
  const claimed = headers.origin ?? originOf(headers.referer);
  return claimed !== null && claimed !== 'null' && allowed.includes(claimed);
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** The origins forms may come from. */
export function ownOrigins(requestUrl: string, publicBaseUrl: string | undefined): string[] {
  const origins = [new URL(requestUrl).origin];
  const base = originOf(publicBaseUrl);
  if (base && !origins.includes(base)) origins.push(base);
  return origins;
}

/** The Content-Security-Policy of every dashboard answer: nothing but this origin's files, no inline code. */
export function contentSecurityPolicy(imageOrigins: readonly string[]): string {
  return [
    "default-src 'none'",
    `img-src 'self'${imageOrigins.map((o) => ` ${o}`).join('')}`,
    "style-src 'self'",
    "script-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}
