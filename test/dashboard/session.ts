/** Signing in to the dashboard through its real forms, as a browser would (cookies carried by hand). */
import { expect } from 'vitest';
import { call } from '../helpers/api';

export const ORIGIN = 'http://shelfsync.test';

export function cookieFrom(res: Response, name: string): string | null {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const [k, v] = pair!.split('=');
    if (k === name) return v ?? '';
  }
  return null;
}

export function hiddenCsrf(html: string): string {
  const match = /name="csrf" value="([^"]*)"/.exec(html);
  if (!match) throw new Error('no csrf field in page');
  return match[1]!;
}

export function form(fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, ...headers },
    body: new URLSearchParams(fields).toString(),
  };
}

export interface Signed {
  cookie: string;
  csrf: string;
  get: (path: string) => Promise<Response>;
  post: (path: string, fields?: Record<string, string>, headers?: Record<string, string>) => Promise<Response>;
}

export async function signIn(key: string): Promise<Signed> {
  const page = await call('/dashboard/login');
  expect(page.status).toBe(200);
  const loginToken = cookieFrom(page, 'shelfsync_login')!;
  const res = await call('/dashboard/login', form({ csrf: hiddenCsrf(await page.text()), key }, { cookie: `shelfsync_login=${loginToken}` }));
  expect(res.status).toBe(303);
  const token = cookieFrom(res, 'shelfsync_session');
  expect(token).toBeTruthy();
  const cookie = `shelfsync_session=${token}`;
  const home = await call('/dashboard', { headers: { cookie } });
  expect(home.status).toBe(200);
  const csrf = hiddenCsrf(await home.text());
  return {
    cookie,
    csrf,
    get: (path) => call(path, { redirect: 'manual', headers: { cookie } }),
    post: (path, fields = {}, headers = {}) => call(path, form({ csrf, ...fields }, { cookie, ...headers })),
  };
}
