/**
 * The outbound guard's decision (DESIGN "Outbound traffic"): every image fetch, webhook delivery and
 * processor call asks `judgeUrl` first. Pure: configuration in, verdict out.
 *
 * Workers has no DNS API, so the guard judges what it can see: the URL's scheme, credentials, host
 * name and IP literals. A public name that resolves to a private address is not caught here; in
 * production Cloudflare's network refuses private destinations itself, and locally OUTBOUND_ONLY
 * pins traffic to the hosts a developer or test names.
 */
import type { Env } from '../env';
import { type Cidr, inCidr, isNonPublic, parseCidr, parseIp } from './ip';

/** The ports a target may name: the schemes' own. Everything else (SSH, Redis, admin panels) is not a web hook. */
export const ALLOWED_PORTS = ['', '80', '443'];

export interface OutboundPolicy {
  /** Local development or tests: the only settings where ALLOW_PRIVATE_TARGETS counts. */
  local: boolean;
  allowPrivate: Cidr[];
  /** When set, the only hosts that may be contacted (checked before anything else). */
  only: string[] | null;
  /**
   * Ports allowed besides 80 and 443 (ALLOW_TARGET_PORTS, local only): `'*'` for any, so local
   * development and tests reach fixture servers on whatever port they got. Absent = none.
   */
  extraPorts?: string[] | '*';
}

export function policyFromEnv(env: Pick<Env, 'ENVIRONMENT' | 'ALLOW_PRIVATE_TARGETS' | 'OUTBOUND_ONLY' | 'ALLOW_TARGET_PORTS'>): OutboundPolicy {
  const list = (value: string | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const local = env.ENVIRONMENT === 'development' || env.ENVIRONMENT === 'test';
  const ports = list(env.ALLOW_TARGET_PORTS);
  return {
    local,
    extraPorts: !local ? [] : ports.includes('*') ? '*' : ports.filter((p) => /^\d{1,5}$/.test(p)).map((p) => String(Number(p))),
    allowPrivate: list(env.ALLOW_PRIVATE_TARGETS).map(parseCidr).filter((c): c is Cidr => c !== null),
    only: env.OUTBOUND_ONLY ? list(env.OUTBOUND_ONLY).map((h) => h.toLowerCase()) : null,
  };
}

/**
 * The policy a target URL is judged by when a client registers it (a webhook, a processor, a Genera
 * callback): every rule but the local OUTBOUND_ONLY pin, which limits what is actually contacted, at
 * send time. So a local deployment or test pinned to loopback still accepts the documented example
 * hosts (the contract test and the Postman run send them) and simply never contacts them.
 */
export function registrationPolicy(env: Parameters<typeof policyFromEnv>[0]): OutboundPolicy {
  return { ...policyFromEnv(env), only: null };
}

export type Verdict = { ok: true; url: URL } | { ok: false; reason: string };

export interface JudgeOptions {
  requireHttps?: boolean;
  /**
   * The URL was stored before the port rule existed (a webhook or processor target): its port is
   * kept until the tenant edits it. Never set for a redirect hop or for a URL a client sends now.
   */
  storedTarget?: boolean;
}

const BLOCKED_NAMES = new Set(['localhost', 'metadata', 'metadata.google.internal', 'instance-data', 'instance-data.ec2.internal']);
const BLOCKED_SUFFIXES = ['.localhost', '.internal', '.local', '.localdomain', '.home.arpa', '.intranet', '.corp', '.lan'];

export function judgeUrl(input: string, policy: OutboundPolicy, options: JudgeOptions = {}): Verdict {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { ok: false, reason: 'not a valid URL' };
  }
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (policy.only && !policy.only.includes(host) && !policy.only.includes(url.host.toLowerCase())) {
    return { ok: false, reason: `outbound traffic is limited to ${policy.only.join(', ')}` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: `the ${url.protocol} scheme is not allowed` };
  if (options.requireHttps && url.protocol !== 'https:' && !policy.local) return { ok: false, reason: 'only https targets are allowed' };
  if (url.username || url.password) return { ok: false, reason: 'credentials in the URL are not allowed' };
  if (!host) return { ok: false, reason: 'the URL has no host' };

  const extra = policy.local ? (policy.extraPorts ?? []) : [];
  if (!ALLOWED_PORTS.includes(url.port) && !options.storedTarget && extra !== '*' && !extra.includes(url.port)) {
    return { ok: false, reason: `port ${url.port} is not allowed: only 80 and 443` };
  }

  const ip = parseIp(host);
  if (ip) {
    if (!isNonPublic(ip)) return { ok: true, url };
    if (policy.local && policy.allowPrivate.some((cidr) => inCidr(ip, cidr))) return { ok: true, url };
    return { ok: false, reason: 'private, loopback, link-local and reserved addresses are not allowed' };
  }
  if (BLOCKED_NAMES.has(host) || BLOCKED_SUFFIXES.some((suffix) => host.endsWith(suffix))) {
    return { ok: false, reason: `the host ${host} is internal` };
  }
  // A name must have a dot and a letter-bearing top-level label: "intranet" or "1.2.3" never reach DNS.
  const labels = host.split('.');
  if (labels.length < 2 || !/[a-z]/.test(labels.at(-1)!)) return { ok: false, reason: `the host ${host} is not a public name` };
  return { ok: true, url };
}
