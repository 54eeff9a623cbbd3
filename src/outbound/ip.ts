/**
 * IP literals, CIDR lists and the one rule on addresses: only ordinary public unicast may be reached.
 * Pure. Parsing and the special-purpose range list come from ipaddr.js (IANA's IPv4 and IPv6
 * registries, IPv4-embedded forms): a hand-written parser and table here once missed local-use NAT64
 * (`64:ff9b:1::/48`) and SIIT (`::ffff:0:0:0/96`).
 *
 * The WHATWG URL parser has already normalized IPv4 in decimal (`2130706433`), hex (`0x7f.1`) and
 * octal (`0177.0.0.1`) notations to dotted quads by the time a hostname gets here, and IPv6 to its
 * compressed bracketed form; anything else is a name, not an address.
 */
import ipaddr from 'ipaddr.js';

export type Ip = ipaddr.IPv4 | ipaddr.IPv6;

/** An IP literal as URL.hostname shows it (`1.2.3.4`, `[::1]`), or null for a name. */
export function parseIp(text: string): Ip | null {
  const inner = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (ipaddr.IPv4.isValidFourPartDecimal(inner)) return ipaddr.IPv4.parse(inner);
  // A zone id (`fe80::1%eth0`) names an interface of this machine: never a public target.
  if (inner.includes(':') && !inner.includes('%') && ipaddr.IPv6.isValid(inner)) return ipaddr.IPv6.parse(inner);
  return null;
}

export type Cidr = [Ip, number];

/** `10.0.0.0/8`, `::1/128`, or a bare address (a /32 or /128); null when malformed. */
export function parseCidr(text: string): Cidr | null {
  const trimmed = text.trim();
  try {
    if (trimmed.includes('/')) return ipaddr.parseCIDR(trimmed);
    const ip = parseIp(trimmed);
    return ip ? [ip, ip.kind() === 'ipv4' ? 32 : 128] : null;
  } catch {
    return null;
  }
}

/** Same family and inside the range: an IPv4-mapped form does not match an IPv4 entry (nor the reverse). */
export function inCidr(ip: Ip, [range, bits]: Cidr): boolean {
  return ip.kind() === range.kind() && ip.match(range, bits);
}

/**
 * IPv6 ranges that carry an IPv4 address, judged by the address they carry: IPv4-mapped
 * (`::ffff:0:0/96`), the well-known NAT64 prefix (`64:ff9b::/96`, RFC 6052: a public translator)
 * and 6to4 (`2002::/16`). Every other special range is refused outright, among them local-use NAT64
 * (`64:ff9b:1::/48`, RFC 8215: its translator belongs to some private network), SIIT
 * (`::ffff:0:0:0/96`, RFC 6145), Teredo and the deprecated IPv4-compatible form (`::/96`).
 */
function embeddedIpv4(ip: ipaddr.IPv6): ipaddr.IPv4 | null | 'refuse' {
  const p = ip.parts;
  const range = ip.range();
  const v4 = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  if (range === 'ipv4Mapped') return v4(p[6]!, p[7]!);
  if (range === 'rfc6052') return p[2] === 0 && p[3] === 0 && p[4] === 0 && p[5] === 0 ? v4(p[6]!, p[7]!) : 'refuse';
  if (range === '6to4') return v4(p[1]!, p[2]!);
  // ::/96 is IPv4-compatible (RFC 4291, deprecated); ipaddr.js names only ::/128 and ::1/128 in it.
  if (p.slice(0, 6).every((part) => part === 0)) return 'refuse';
  return null;
}

/** True for any address a server-side fetch must not reach unless explicitly allowed. */
export function isNonPublic(ip: Ip): boolean {
  if (ip.kind() === 'ipv4') return ip.range() !== 'unicast';
  const v6 = ip as ipaddr.IPv6;
  const embedded = embeddedIpv4(v6);
  if (embedded === 'refuse') return true;
  if (embedded) return isNonPublic(embedded);
  return v6.range() !== 'unicast';
}
