/**
 * The outbound guard's decision alone (src/outbound/policy.ts `judgeUrl`): nothing here is fetched.
 * Hostile URLs are judged against a production policy; the local allow-list and OUTBOUND_ONLY are
 * judged against the policies they produce.
 */
import { env } from 'cloudflare:test';
import { describe, expect, inject, it } from 'vitest';
import { guardedFetch } from '../../src/outbound/guarded-fetch';
import { parseCidr } from '../../src/outbound/ip';
import { judgeUrl, type OutboundPolicy, policyFromEnv } from '../../src/outbound/policy';

const production: OutboundPolicy = { local: false, allowPrivate: [], only: null };

/** [label, url]: every one must be refused by a production policy (with and without requireHttps). */
const hostile: Array<[string, string]> = [
  ['decimal IPv4 loopback', 'http://2130706433/'],
  ['hex IPv4 loopback', 'http://0x7f000001/'],
  ['octal IPv4 loopback', 'http://0177.0.0.1/'],
  ['short IPv4 loopback', 'http://127.1/'],
  ['mixed hex short form', 'http://0x7f.1/'],
  ['dotted loopback', 'https://127.0.0.1/'],
  ['loopback elsewhere in 127/8', 'https://127.255.0.9:8443/'],
  ['IPv4-mapped IPv6 dotted', 'http://[::ffff:127.0.0.1]/'],
  ['IPv4-mapped IPv6 hex', 'http://[::ffff:7f00:1]/'],
  ['IPv4-mapped IPv6 long form', 'http://[0:0:0:0:0:ffff:127.0.0.1]/'],
  ['IPv4-mapped metadata', 'http://[::ffff:a9fe:a9fe]/'],
  ['IPv4-compatible IPv6', 'http://[::127.0.0.1]/'],
  ['IPv6 loopback', 'http://[::1]/'],
  ['IPv6 loopback with port', 'https://[::1]:8080/x'],
  ['IPv6 unspecified', 'http://[::]/'],
  ['10/8', 'https://10.0.0.1/'],
  ['10/8 top', 'https://10.255.255.255/'],
  ['172.16/12 low', 'https://172.16.0.1/'],
  ['172.16/12 high', 'https://172.31.255.254/'],
  ['192.168/16', 'https://192.168.1.1/'],
  ['cloud metadata', 'http://169.254.169.254/latest/meta-data/'],
  ['link-local v4', 'https://169.254.1.1/'],
  ['carrier-grade NAT 100.64/10', 'https://100.64.0.1/'],
  ['carrier-grade NAT top', 'https://100.127.255.254/'],
  ['0.0.0.0', 'http://0.0.0.0/'],
  ['0 as a number', 'http://0/'],
  ['0/8', 'https://0.1.2.3/'],
  ['multicast', 'https://224.0.0.1/'],
  ['broadcast', 'https://255.255.255.255/'],
  ['benchmarking 198.18/15', 'https://198.18.0.1/'],
  ['documentation 192.0.2/24', 'https://192.0.2.10/'],
  ['localhost', 'http://localhost/'],
  ['LOCALHOST upper case', 'http://LOCALHOST:8080/'],
  ['percent-encoded localhost', 'http://%6c%6f%63%61%6c%68%6f%73%74/'],
  ['localhost trailing dot', 'http://localhost./'],
  ['sub.localhost', 'http://foo.localhost/'],
  ['GCP metadata', 'http://metadata.google.internal/computeMetadata/v1/'],
  ['GCP metadata trailing dot', 'http://metadata.google.internal./'],
  ['bare metadata name', 'http://metadata/'],
  ['*.internal', 'https://db.prod.internal/'],
  ['*.internal trailing dot', 'https://db.prod.internal./'],
  ['*.local (mDNS)', 'https://printer.local/'],
  ['*.home.arpa', 'https://nas.home.arpa/'],
  ['single-label name', 'https://intranet/'],
  ['credentials in URL', 'https://user:pass@example.com/'],
  ['username only', 'https://user@example.com/'],
  ['credential confusion', 'http://127.0.0.1:80@example.com/'],
  ['credential confusion reversed', 'http://example.com@127.0.0.1/'],
  ['file:', 'file:///etc/passwd'],
  ['ftp:', 'ftp://example.com/file'],
  ['gopher:', 'gopher://example.com:70/_x'],
  ['javascript:', 'javascript:alert(1)'],
  ['data:', 'data:text/plain,hello'],
  ['ws:', 'ws://example.com/socket'],
  ['NAT64 loopback', 'http://[64:ff9b::7f00:1]/'],
  ['NAT64 private', 'http://[64:ff9b::a00:1]/'],
  ['6to4 loopback', 'http://[2002:7f00:1::]/'],
  ['6to4 private', 'http://[2002:c0a8:101::1]/'],
  ['ULA fc00::/7 (fc)', 'http://[fc00::1]/'],
  ['ULA fc00::/7 (fd)', 'http://[fd12:3456:789a::1]/'],
  ['link-local fe80::/10', 'http://[fe80::1]/'],
  ['link-local fe80::/10 high', 'http://[febf::1]/'],
  ['IPv6 multicast', 'http://[ff02::1]/'],
  ['IPv6 documentation', 'http://[2001:db8::1]/'],
  ['local-use NAT64 64:ff9b:1::/48, private inside', 'http://[64:ff9b:1::a00:1]/'],
  ['local-use NAT64 64:ff9b:1::/48, public inside', 'https://[64:ff9b:1::808:808]/'],
  ['local-use NAT64 64:ff9b:1::/48, metadata inside', 'http://[64:ff9b:1:0:0:0:a9fe:a9fe]/'],
  ['SIIT ::ffff:0:0:0/96, loopback inside', 'http://[::ffff:0:7f00:1]/'],
  ['SIIT ::ffff:0:0:0/96, metadata inside', 'http://[::ffff:0:a9fe:a9fe]/'],
  ['SIIT ::ffff:0:0:0/96, public inside', 'https://[::ffff:0:808:808]/'],
  ['IPv4-compatible with a public address (deprecated)', 'https://[::808:808]/'],
  ['Teredo 2001::/32', 'https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/'],
  ['IPv6 benchmarking 2001:2::/48', 'https://[2001:2::1]/'],
  ['IPv6 discard 100::/64', 'https://[100::1]/'],
  ['IPv6 site-local fec0::/10', 'https://[fec0::1]/'],
  ['IPv6 zone id', 'http://[fe80::1%25eth0]/'],
  ['6to4 carrying 10/8', 'https://[2002:a00:1::]/'],
  ['IPv4 reserved 240/4', 'https://240.0.0.1/'],
  ['IPv4 TEST-NET-3', 'https://203.0.113.7/'],
  ['SSH port on a public name', 'https://example.com:22/'],
  ['Redis port on a public IPv4', 'http://8.8.8.8:6379/'],
  ['alternate HTTPS port', 'https://hooks.example.com:8443/'],
  ['port on a public IPv6 literal', 'https://[2606:4700:4700::1111]:25/'],
  ['port 0', 'http://example.com:0/'],
  ['not a URL', 'not a url'],
  ['empty', ''],
];

describe('judgeUrl against a production policy', () => {
  it(`refuses ${hostile.length} hostile URLs`, () => {
    expect(hostile.length).toBeGreaterThanOrEqual(85);
    const allowed: string[] = [];
    for (const [label, url] of hostile) {
      for (const requireHttps of [false, true]) {
        const verdict = judgeUrl(url, production, { requireHttps });
        if (verdict.ok) allowed.push(`${label} (${url}, requireHttps=${requireHttps})`);
        else expect(verdict.reason, label).toEqual(expect.any(String));
      }
    }
    expect(allowed).toEqual([]);
  });

  it.each<[string, string]>([
    ['a public name over https', 'https://example.com/hook'],
    ['a deep public name with path and query', 'https://hooks.sub.example.co.uk/a/b?c=d'],
    ['an explicit default port', 'https://example.com:443/hook'],
    ['http on 80 and https on 443 named either way', 'https://example.com:80/hook'],
    ['a public IPv4 literal', 'https://8.8.8.8/'],
    ['a public IPv4 next to 172.16/12', 'https://172.32.0.1/'],
    ['a public IPv4 next to 100.64/10', 'https://100.128.0.1/'],
    ['a public IPv6 literal', 'https://[2606:4700:4700::1111]/'],
    ['a public IPv4 inside well-known NAT64', 'https://[64:ff9b::808:808]/'],
    ['a public IPv4 inside 6to4', 'https://[2002:808:808::1]/'],
    ['a public IPv4, IPv4-mapped', 'https://[::ffff:808:808]/'],
    ['a public name with a trailing dot', 'https://example.com./x'],
  ])('allows %s', (_label, url) => {
    const verdict = judgeUrl(url, production, { requireHttps: true });
    expect(verdict).toMatchObject({ ok: true });
  });

  it('requires https outside local development when asked (webhooks), not otherwise', () => {
    expect(judgeUrl('http://example.com/hook', production, { requireHttps: true })).toMatchObject({ ok: false, reason: expect.stringMatching(/https/) });
    expect(judgeUrl('https://example.com/hook', production, { requireHttps: true })).toMatchObject({ ok: true });
    expect(judgeUrl('http://example.com/image.jpg', production)).toMatchObject({ ok: true });
    const local: OutboundPolicy = { local: true, allowPrivate: [], only: null };
    expect(judgeUrl('http://example.com/hook', local, { requireHttps: true })).toMatchObject({ ok: true });
  });
});

describe('ports', () => {
  it('allow 80 and 443 only; a stored target (created before the rule) keeps its port until edited', () => {
    expect(judgeUrl('https://hooks.example.com:8443/x', production, { requireHttps: true })).toMatchObject({ ok: false, reason: 'port 8443 is not allowed: only 80 and 443' });
    expect(judgeUrl('https://hooks.example.com:8443/x', production, { requireHttps: true, storedTarget: true })).toMatchObject({ ok: true });
    // A stored target keeps its port, never its address: the other rules still hold.
    expect(judgeUrl('https://10.0.0.1:8443/x', production, { storedTarget: true })).toMatchObject({ ok: false });
    expect(judgeUrl('http://example.com:80/', production)).toMatchObject({ ok: true });
    expect(judgeUrl('http://example.com:443/', production)).toMatchObject({ ok: true });
  });

  it('ALLOW_TARGET_PORTS opens more ports in local development and tests only', () => {
    const prodWithPorts = policyFromEnv({ ALLOW_TARGET_PORTS: '*' });
    expect(judgeUrl('https://example.com:8443/', prodWithPorts)).toMatchObject({ ok: false });
    const localAny = policyFromEnv({ ENVIRONMENT: 'development', ALLOW_PRIVATE_TARGETS: '127.0.0.1/32', ALLOW_TARGET_PORTS: '*' });
    expect(judgeUrl('http://127.0.0.1:45678/', localAny)).toMatchObject({ ok: true });
    expect(judgeUrl('https://example.com:8443/', localAny)).toMatchObject({ ok: true });
    const localList = policyFromEnv({ ENVIRONMENT: 'development', ALLOW_PRIVATE_TARGETS: '127.0.0.1/32', ALLOW_TARGET_PORTS: '8080, 09000' });
    expect(judgeUrl('http://127.0.0.1:8080/', localList)).toMatchObject({ ok: true });
    expect(judgeUrl('http://127.0.0.1:9000/', localList)).toMatchObject({ ok: true });
    expect(judgeUrl('http://127.0.0.1:45678/', localList)).toMatchObject({ ok: false, reason: expect.stringMatching(/port 45678/) });
    const localNone = policyFromEnv({ ENVIRONMENT: 'development', ALLOW_PRIVATE_TARGETS: '127.0.0.1/32' });
    expect(judgeUrl('http://127.0.0.1/', localNone)).toMatchObject({ ok: true });
    expect(judgeUrl('http://127.0.0.1:8080/', localNone)).toMatchObject({ ok: false });
  });
});

describe('a redirect to a private address, through the real guard (no OUTBOUND_ONLY pin)', () => {
  const receiver = inject('receiverUrl');
  // Local development's policy without the pin: the loopback receiver is allowed, nothing else private is.
  const policy: OutboundPolicy = { local: true, allowPrivate: [parseCidr('127.0.0.1/32')!], only: null, extraPorts: [new URL(receiver).port] };

  /** Sends only to the loopback receiver and records every request: a guard that let a hostile hop through would show here, not on the network. */
  function recordingFetcher() {
    const sent: string[] = [];
    const fetcher = (url: string, init: RequestInit) => {
      sent.push(url);
      if (!url.startsWith(`${receiver}/`)) return Promise.reject(new Error(`the test refused to send to ${url}`));
      return fetch(url, init);
    };
    return { sent, fetcher };
  }

  it.each([
    'http://10.0.0.1/internal',
    'http://169.254.169.254/latest/meta-data/',
    'http://127.0.0.2/',
    'http://localhost/',
    'http://[::ffff:0:a9fe:a9fe]/latest/meta-data/',
    'http://[64:ff9b:1::a9fe:a9fe]/latest/meta-data/',
    'http://[64:ff9b:1::a00:1]/',
    'https://example.com:22/',
  ])('refuses the redirect target %s before connecting', async (to) => {
    const { sent, fetcher } = recordingFetcher();
    const start = `${receiver}/redirect?to=${encodeURIComponent(to)}`;
    const result = await guardedFetch(start, { policy, timeoutMs: 5000, maxBytes: 1024, maxRedirects: 3, fetcher });
    expect(result).toMatchObject({ ok: false, kind: 'refused', message: expect.stringMatching(/^refused redirect target: /) });
    expect(sent).toEqual([start]);
  });

  it('follows a redirect the guard allows (the fetcher above really sends)', async () => {
    const { sent, fetcher } = recordingFetcher();
    const bucket = `b${crypto.randomUUID().replaceAll('-', '')}`;
    const start = `${receiver}/redirect?to=${encodeURIComponent(`${receiver}/r/${bucket}/ok`)}`;
    const result = await guardedFetch(start, { policy, timeoutMs: 5000, maxBytes: 1024, maxRedirects: 3, fetcher });
    expect(result).toMatchObject({ ok: true, status: 200 });
    expect(sent).toEqual([start, `${receiver}/r/${bucket}/ok`]);
  });
});

describe('policyFromEnv', () => {
  it('treats an absent ENVIRONMENT as production, and ignores ALLOW_PRIVATE_TARGETS there', () => {
    const policy = policyFromEnv({ ALLOW_PRIVATE_TARGETS: '127.0.0.1/32,::1/128' });
    expect(policy.local).toBe(false);
    expect(policy.only).toBeNull();
    expect(judgeUrl('http://127.0.0.1:8080/', policy)).toMatchObject({ ok: false });
    expect(judgeUrl('http://[::1]:8080/', policy)).toMatchObject({ ok: false });
    expect(judgeUrl('http://example.com/hook', policy, { requireHttps: true })).toMatchObject({ ok: false });
    expect(policyFromEnv({ ENVIRONMENT: 'production', ALLOW_PRIVATE_TARGETS: '127.0.0.1/32' }).local).toBe(false);
    expect(policyFromEnv({ ENVIRONMENT: 'staging' }).local).toBe(false);
  });

  it('lets 127.0.0.1 through only when local and listed in ALLOW_PRIVATE_TARGETS', () => {
    const local = policyFromEnv({ ENVIRONMENT: 'development', ALLOW_PRIVATE_TARGETS: '127.0.0.1/32,::1/128', ALLOW_TARGET_PORTS: '*' });
    expect(local.local).toBe(true);
    expect(judgeUrl('http://127.0.0.1:8080/hook', local, { requireHttps: true })).toMatchObject({ ok: true });
    expect(judgeUrl('http://[::1]:8080/hook', local)).toMatchObject({ ok: true });
    // Listed addresses only: the rest of 127/8 and every other private range stay refused.
    for (const url of ['http://127.0.0.2/', 'http://10.0.0.1/', 'http://192.168.0.1/', 'http://169.254.169.254/', 'http://[fc00::1]/']) {
      expect(judgeUrl(url, local), url).toMatchObject({ ok: false });
    }
    // Names are not addresses: localhost stays refused even locally.
    expect(judgeUrl('http://localhost:8080/', local)).toMatchObject({ ok: false });

    const localWithoutList = policyFromEnv({ ENVIRONMENT: 'development', ALLOW_TARGET_PORTS: '*' });
    expect(localWithoutList.local).toBe(true);
    expect(judgeUrl('http://127.0.0.1:8080/', localWithoutList)).toMatchObject({ ok: false });
  });

  it('OUTBOUND_ONLY refuses every other host, whatever else is allowed', () => {
    const pinned = policyFromEnv({ ENVIRONMENT: 'development', ALLOW_PRIVATE_TARGETS: '127.0.0.1/32', OUTBOUND_ONLY: '127.0.0.1', ALLOW_TARGET_PORTS: '*' });
    expect(pinned.only).toEqual(['127.0.0.1']);
    expect(judgeUrl('http://127.0.0.1:45678/r/x/ok', pinned, { requireHttps: true })).toMatchObject({ ok: true });
    for (const url of ['https://example.com/', 'https://8.8.8.8/', 'http://localhost:45678/', 'http://[::1]:45678/', 'http://127.0.0.2/']) {
      expect(judgeUrl(url, pinned), url).toMatchObject({ ok: false, reason: expect.stringMatching(/limited to/) });
    }
    // The pinned host still goes through the other checks.
    expect(judgeUrl('http://user:pw@127.0.0.1/', pinned)).toMatchObject({ ok: false });

    // A host:port entry pins the port too.
    const withPort = policyFromEnv({ ENVIRONMENT: 'development', ALLOW_PRIVATE_TARGETS: '127.0.0.1/32', OUTBOUND_ONLY: '127.0.0.1:8080, Example.COM', ALLOW_TARGET_PORTS: '*' });
    expect(judgeUrl('http://127.0.0.1:8080/', withPort)).toMatchObject({ ok: true });
    expect(judgeUrl('http://127.0.0.1:9090/', withPort)).toMatchObject({ ok: false });
    expect(judgeUrl('https://example.com/', withPort)).toMatchObject({ ok: true });
    expect(judgeUrl('https://example.org/', withPort)).toMatchObject({ ok: false });
  });

  it('the test run itself is local, pinned to 127.0.0.1', () => {
    const policy = policyFromEnv(env);
    expect(policy.local).toBe(true);
    expect(policy.only).toEqual(['127.0.0.1']);
    expect(judgeUrl('https://example.com/', policy)).toMatchObject({ ok: false });
  });
});
