/** The page frame: skip link, navigation, sign-out, main. Every text child is escaped by hono/jsx. */
import type { Child } from 'hono/jsx';

export type Section = 'overview' | 'catalog' | 'jobs' | 'webhooks' | 'events';

const NAV: Array<[Section, string, string]> = [
  ['overview', 'Overview', ''],
  ['catalog', 'Catalog', '/catalog'],
  ['jobs', 'Jobs and imports', '/jobs'],
  ['webhooks', 'Webhooks', '/webhooks'],
  ['events', 'Events', '/events'],
];

export interface Frame {
  mount: string;
  title: string;
  section?: Section;
  tenantName?: string;
  csrfToken?: string;
}

export function Page(props: Frame & { children?: Child }) {
  const { mount } = props;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <title>{`${props.title} · Shelfsync`}</title>
        <link rel="stylesheet" href={`${mount}/assets/app.css`} />
        <script src={`${mount}/assets/live.js`} defer></script>
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        {props.section && (
          <header>
            <span class="brand">Shelfsync</span>
            <nav aria-label="Dashboard">
              <ul>
                {NAV.map(([id, label, path]) => (
                  <li>
                    <a href={`${mount}${path}`} aria-current={props.section === id ? 'page' : undefined}>
                      {label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <form method="post" action={`${mount}/logout`}>
              <input type="hidden" name="csrf" value={props.csrfToken ?? ''} />
              <span class="muted">{props.tenantName} </span>
              <button type="submit" class="secondary">
                Sign out
              </button>
            </form>
          </header>
        )}
        <main id="main">{props.children}</main>
      </body>
    </html>
  );
}

export function Chip(props: { status: string | null | undefined }) {
  const status = props.status ?? 'unknown';
  return <span class={`chip ${status.replace(/[^a-z]/g, '')}`}>{status}</span>;
}

/** A hidden CSRF field for a session's form. */
export function Csrf(props: { token: string }) {
  return <input type="hidden" name="csrf" value={props.token} />;
}

export const fmt = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toLocaleString('en-US'));
export const when = (iso: string | null | undefined) => (iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '—');
