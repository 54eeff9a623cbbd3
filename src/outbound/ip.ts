/**
 * IP literals as bytes, CIDR matching, and the ranges no server-side fetch should reach. Pure.
 *
 * The WHATWG URL parser has already normalized IPv4 in decimal (`2130706433`), hex (`0x7f.1`) and
 * octal (`0177.0.0.1`) notations to dotted quads by the time a hostname gets here, and IPv6 to its
 * compressed bracketed form, so two parsers suffice.
 */

export type IpBytes = Uint8Array;

export function parseIpv4(text: string): IpBytes | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes = new Uint8Array(4);
  for (const [i, part] of parts.entries()) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    bytes[i] = n;
  }
  return bytes;
}

export function parseIpv6(text: string): IpBytes | null {
  let input = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const zone = input.indexOf('%');
  if (zone !== -1) input = input.slice(0, zone);
  if (!input.includes(':')) return null;
  // A trailing embedded IPv4 (::ffff:1.2.3.4) becomes two hex groups.
  const lastColon = input.lastIndexOf(':');
  const tail = input.slice(lastColon + 1);
  if (tail.includes('.')) {
    const v4 = parseIpv4(tail);
    if (!v4) return null;
    input = `${input.slice(0, lastColon + 1)}${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`;
  }
  const halves = input.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? head.length !== 8 : missing < 1) return null;
  const groups = [...head, ...new Array(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  const bytes = new Uint8Array(16);
  for (const [i, group] of groups.entries()) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return null;
    const n = parseInt(group, 16);
    bytes[i * 2] = n >> 8;
    bytes[i * 2 + 1] = n & 0xff;
  }
  return bytes;
}

export function parseIp(text: string): IpBytes | null {
  return parseIpv4(text) ?? parseIpv6(text);
}

export interface Cidr {
  bytes: IpBytes;
  prefix: number;
}

export function parseCidr(text: string): Cidr | null {
  const [address, prefixText] = text.trim().split('/');
  const bytes = address ? parseIp(address) : null;
  if (!bytes) return null;
  const max = bytes.length * 8;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max) return null;
  return { bytes, prefix };
}

export function inCidr(ip: IpBytes, cidr: Cidr): boolean {
  if (ip.length !== cidr.bytes.length) return false;
  let bits = cidr.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((ip[i]! & mask) !== (cidr.bytes[i]! & mask)) return false;
  }
  return true;
}

const cidrs = (list: string[]) => list.map((c) => parseCidr(c)!);

/** Special-purpose IPv4 ranges (IANA registry): private, loopback, link-local, shared, reserved, multicast. */
const BLOCKED_V4 = cidrs([
  '0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12',
  '192.0.0.0/24', '192.0.2.0/24', '192.88.99.0/24', '192.168.0.0/16', '198.18.0.0/15',
  '198.51.100.0/24', '203.0.113.0/24', '224.0.0.0/4', '240.0.0.0/4',
]);

const BLOCKED_V6 = cidrs([
  '::/128', '::1/128', '100::/64', '2001::/23', '2001:db8::/32', 'fc00::/7', 'fe80::/10', 'fec0::/10', 'ff00::/8',
]);

/** IPv6 forms that carry an IPv4 address inside: judged by the address they carry. */
const EMBEDS_V4: Array<[Cidr, number]> = [
  [parseCidr('::ffff:0:0/96')!, 12], // IPv4-mapped
  [parseCidr('::/96')!, 12], // IPv4-compatible (deprecated)
  [parseCidr('64:ff9b::/96')!, 12], // NAT64
  [parseCidr('2002::/16')!, 2], // 6to4
];

/** True for any address a server-side fetch must not reach unless explicitly allowed. */
export function isNonPublic(ip: IpBytes): boolean {
  if (ip.length === 4) return BLOCKED_V4.some((c) => inCidr(ip, c));
  for (const [cidr, offset] of EMBEDS_V4) {
    if (inCidr(ip, cidr)) return isNonPublic(ip.slice(offset, offset + 4));
  }
  return BLOCKED_V6.some((c) => inCidr(ip, c));
}
