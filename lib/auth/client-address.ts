/**
 * Who is on the other end of a request, for the per-address login limit (docs/decisions/0014).
 * The socket's peer is the client unless it is a proxy we were told to trust (TRUSTED_PROXIES);
 * then X-Forwarded-For is read from the right, skipping our own proxies, and the first hop that is
 * not one of them is the client. Everything to the left of that hop was written by the client and
 * proves nothing. Pure: the production server (server/http/worker.ts) applies it to every request.
 */

/** An address as bytes (4 or 16); an IPv4-mapped IPv6 address is kept as the IPv4 one. */
interface Ip {
  v: 4 | 6;
  bytes: number[];
}

/** A trusted proxy: one address or a range (CIDR). */
export interface Cidr {
  v: 4 | 6;
  bytes: number[];
  prefix: number;
}

/** Shared by every request whose peer cannot be told (a socket already gone). */
export const UNKNOWN_ADDRESS = 'unknown';

/** Longer than any address with a port and brackets: not worth parsing. */
const MAX_HOP_LENGTH = 64;

function parseIpv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const part of parts) {
    // Leading zeros are refused: some parsers read them as octal, so "010" names two addresses.
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    bytes.push(n);
  }
  return bytes;
}

function groupsOf(text: string): number[] | null {
  if (text === '') return [];
  const out: number[] = [];
  const parts = text.split(':');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (i === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4(part);
      if (!v4) return null;
      out.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
    } else {
      if (!/^[0-9a-f]{1,4}$/i.test(part)) return null;
      out.push(Number.parseInt(part, 16));
    }
  }
  return out;
}

function parseIpv6(text: string): number[] | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = groupsOf(halves[0] ?? '');
  const tail = halves.length === 2 ? groupsOf(halves[1] ?? '') : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...head, ...Array<number>(missing).fill(0), ...tail];
  return groups.flatMap((g) => [g >> 8, g & 0xff]);
}

function isMapped(bytes: number[]): boolean {
  return bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
}

/** An address alone (no port, no brackets), or null. */
function parseIp(text: string): Ip | null {
  const v4 = parseIpv4(text);
  if (v4) return { v: 4, bytes: v4 };
  // A zone ("fe80::1%eth0") names the interface, not another address.
  const v6 = parseIpv6(text.replace(/%[\w.-]+$/, ''));
  if (!v6) return null;
  return isMapped(v6) ? { v: 4, bytes: v6.slice(12) } : { v: 6, bytes: v6 };
}

/** One hop as proxies write it: an address, "[v6]" or "[v6]:port", or "a.b.c.d:port". */
function parseHop(text: string): Ip | null {
  const hop = text.trim();
  if (hop.length > MAX_HOP_LENGTH) return null;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(hop);
  if (bracketed) return parseIp(bracketed[1] ?? '');
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(hop);
  return parseIp(withPort ? (withPort[1] ?? '') : hop);
}

/** The usual text of an address: dotted IPv4; IPv6 in lower case with the longest zero run as "::". */
function formatIp(ip: Ip): string {
  if (ip.v === 4) return ip.bytes.join('.');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((ip.bytes[i] ?? 0) << 8) | (ip.bytes[i + 1] ?? 0));
  let best = { at: -1, len: 0 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.len) best = { at: i, len: j - i };
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  // RFC 5952: a single zero group is written out, not shortened to "::".
  if (best.len < 2) return hex.join(':');
  return `${hex.slice(0, best.at).join(':')}::${hex.slice(best.at + best.len).join(':')}`;
}

/**
 * TRUSTED_PROXIES: addresses and ranges separated by commas or spaces ("127.0.0.1, ::1, 10.0.0.0/8").
 * Returns the list, or the entries that could not be read.
 */
export function parseTrustedProxies(spec: string): { ok: true; proxies: Cidr[] } | { ok: false; invalid: string[] } {
  const proxies: Cidr[] = [];
  const invalid: string[] = [];
  for (const entry of spec.split(/[\s,]+/).filter(Boolean)) {
    const [address = '', prefixText, ...rest] = entry.split('/');
    const ip = rest.length === 0 ? parseIp(address) : null;
    const max = ip?.v === 4 ? 32 : 128;
    let prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : -1;
    // "::ffff:10.0.0.0/104" is the IPv4 range 10.0.0.0/8, written the IPv6 way.
    if (ip?.v === 4 && prefixText !== undefined && address.includes(':')) prefix -= 96;
    if (!ip || prefix < 0 || prefix > max) {
      invalid.push(entry);
      continue;
    }
    proxies.push({ ...ip, prefix });
  }
  return invalid.length ? { ok: false, invalid } : { ok: true, proxies };
}

function inRange(ip: Ip, cidr: Cidr): boolean {
  if (ip.v !== cidr.v) return false;
  for (let bit = 0; bit < cidr.prefix; bit += 8) {
    const take = Math.min(8, cidr.prefix - bit);
    const mask = (0xff << (8 - take)) & 0xff;
    if (((ip.bytes[bit / 8] ?? 0) & mask) !== ((cidr.bytes[bit / 8] ?? 0) & mask)) return false;
  }
  return true;
}

function isTrusted(ip: Ip, proxies: readonly Cidr[]): boolean {
  return proxies.some((cidr) => inRange(ip, cidr));
}

/**
 * The client's address. `forwardedFor` holds every X-Forwarded-For header the request carried, in
 * order (each may list several hops). A peer that is not a trusted proxy is the client, whatever
 * the headers say. Behind trusted proxies, the right-most hop that is not one of them is the
 * client; when the next hop to the left cannot be read, or every hop is trusted, the last trusted
 * hop reached is (it is the one that handed us the request).
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: readonly string[],
  trustedProxies: readonly Cidr[],
): string {
  const peer = socketAddress === undefined ? null : parseHop(socketAddress);
  if (!peer) return UNKNOWN_ADDRESS;
  if (!isTrusted(peer, trustedProxies)) return formatIp(peer);
  const hops = forwardedFor.flatMap((value) => value.split(',')).filter((hop) => hop.trim() !== '');
  let nearest = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = parseHop(hops[i] ?? '');
    if (!hop) break;
    if (!isTrusted(hop, trustedProxies)) return formatIp(hop);
    nearest = hop;
  }
  return formatIp(nearest);
}
