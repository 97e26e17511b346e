import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Cidr, clientAddress, parseTrustedProxies, UNKNOWN_ADDRESS } from './client-address';

function proxies(spec: string): Cidr[] {
  const parsed = parseTrustedProxies(spec);
  if (!parsed.ok) throw new Error(`bad spec ${parsed.invalid.join(' ')}`);
  return parsed.proxies;
}

const NONE: Cidr[] = [];
const LOCAL_PROXY = proxies('127.0.0.1, ::1');

describe('clientAddress without trusted proxies', () => {
  it('is the socket peer, whatever X-Forwarded-For says (the Trust II spoof)', () => {
    expect(clientAddress('203.0.113.7', ['10.9.9.9'], NONE)).toBe('203.0.113.7');
    expect(clientAddress('203.0.113.7', ['10.9.9.10'], NONE)).toBe('203.0.113.7');
    expect(clientAddress('203.0.113.7', ['10.9.9.9, 10.9.9.10', '1.1.1.1'], NONE)).toBe('203.0.113.7');
  });

  it('ignores X-Forwarded-For from a peer that is not one of the trusted proxies', () => {
    expect(clientAddress('198.51.100.1', ['10.9.9.9'], LOCAL_PROXY)).toBe('198.51.100.1');
    expect(clientAddress('2001:db8::5', ['127.0.0.1'], LOCAL_PROXY)).toBe('2001:db8::5');
  });

  it('writes an IPv4-mapped IPv6 peer as the IPv4 address, so both spellings are one client', () => {
    expect(clientAddress('::ffff:203.0.113.7', [], NONE)).toBe('203.0.113.7');
    expect(clientAddress('::FFFF:cb00:7107', [], NONE)).toBe('203.0.113.7');
  });

  it('writes IPv6 in one canonical form', () => {
    expect(clientAddress('2001:DB8:0:0:0:0:0:1', [], NONE)).toBe('2001:db8::1');
    expect(clientAddress('2001:db8:0:0:1:0:0:1', [], NONE)).toBe('2001:db8::1:0:0:1');
    expect(clientAddress('2001:db8:0:1:1:1:1:1', [], NONE)).toBe('2001:db8:0:1:1:1:1:1');
    expect(clientAddress('0:0:0:0:0:0:0:1', [], NONE)).toBe('::1');
    expect(clientAddress('::', [], NONE)).toBe('::');
    expect(clientAddress('fe80::1%eth0', [], NONE)).toBe('fe80::1');
    expect(clientAddress('2001:0db8::0001', [], NONE)).toBe('2001:db8::1');
  });

  it('writes any IPv6 address as the URL standard does (RFC 5952)', () => {
    fc.assert(
      fc.property(fc.ipV6(), (address) => {
        const canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
        if (canonical.startsWith('::ffff:')) return;
        expect(clientAddress(address, [], NONE)).toBe(canonical);
      }),
    );
  });

  it('reads any IPv4 address as itself', () => {
    fc.assert(
      fc.property(fc.ipV4(), (address) => {
        expect(clientAddress(address, [], NONE)).toBe(address);
      }),
    );
  });

  it('answers "unknown" when there is no peer to read', () => {
    expect(clientAddress(undefined, ['10.9.9.9'], NONE)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress('not an address', ['10.9.9.9'], LOCAL_PROXY)).toBe(UNKNOWN_ADDRESS);
  });
});

describe('clientAddress behind trusted proxies', () => {
  it('takes the hop the proxy appended, not what the client wrote before it', () => {
    expect(clientAddress('127.0.0.1', ['10.9.9.9, 198.51.100.23'], LOCAL_PROXY)).toBe('198.51.100.23');
    expect(clientAddress('127.0.0.1', ['10.9.9.10, 198.51.100.23'], LOCAL_PROXY)).toBe('198.51.100.23');
  });

  it('is the peer itself when the proxy sent no X-Forwarded-For', () => {
    expect(clientAddress('127.0.0.1', [], LOCAL_PROXY)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', [''], LOCAL_PROXY)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', [' , '], LOCAL_PROXY)).toBe('127.0.0.1');
  });

  it('skips every trusted hop from the right, through a chain of proxies', () => {
    const chain = proxies('127.0.0.1, 10.0.0.0/8');
    expect(clientAddress('127.0.0.1', ['1.1.1.1, 198.51.100.23, 10.1.2.3, 10.4.5.6'], chain)).toBe('198.51.100.23');
    // A client inside a trusted range and nothing to its left: the left-most trusted hop.
    expect(clientAddress('127.0.0.1', ['10.1.2.3, 10.4.5.6'], chain)).toBe('10.1.2.3');
  });

  it('reads several X-Forwarded-For headers as one list, in order', () => {
    const chain = proxies('127.0.0.1, 10.0.0.0/8');
    expect(clientAddress('127.0.0.1', ['6.6.6.6', '198.51.100.23', '10.0.0.9'], chain)).toBe('198.51.100.23');
    expect(clientAddress('127.0.0.1', ['198.51.100.23, 10.0.0.9', '10.0.0.8'], chain)).toBe('198.51.100.23');
  });

  it('stops at garbage: the last trusted hop reached is the client', () => {
    const chain = proxies('127.0.0.1, 10.0.0.0/8');
    expect(clientAddress('127.0.0.1', ['198.51.100.23, <script>, 10.0.0.9'], chain)).toBe('10.0.0.9');
    expect(clientAddress('127.0.0.1', ['unknown'], chain)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', ['999.1.1.1'], chain)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', ['1.2.3'], chain)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', ['01.2.3.4'], chain)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', ['1::2::3'], chain)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', [`${'1'.repeat(100)}`], chain)).toBe('127.0.0.1');
  });

  it('reads hops with ports and brackets as proxies write them', () => {
    expect(clientAddress('127.0.0.1', ['198.51.100.23:51234'], LOCAL_PROXY)).toBe('198.51.100.23');
    expect(clientAddress('127.0.0.1', ['[2001:db8::7]:443'], LOCAL_PROXY)).toBe('2001:db8::7');
    expect(clientAddress('127.0.0.1', ['[2001:db8::7]'], LOCAL_PROXY)).toBe('2001:db8::7');
  });

  it('trusts an IPv4-mapped peer by its IPv4 range, and the other way round', () => {
    expect(clientAddress('::ffff:127.0.0.1', ['198.51.100.23'], LOCAL_PROXY)).toBe('198.51.100.23');
    expect(clientAddress('127.0.0.1', ['198.51.100.23'], proxies('::ffff:127.0.0.0/104'))).toBe('198.51.100.23');
    expect(clientAddress('127.0.0.1', ['::ffff:198.51.100.23'], LOCAL_PROXY)).toBe('198.51.100.23');
  });

  it('trusts IPv6 proxies by range', () => {
    const v6 = proxies('fd00::/8');
    expect(clientAddress('fd12:3456::1', ['2001:db8::9, fd00::2'], v6)).toBe('2001:db8::9');
    expect(clientAddress('fe80::1', ['2001:db8::9'], v6)).toBe('fe80::1');
  });

  it('matches ranges bit by bit, not only on whole bytes', () => {
    const range = proxies('10.0.0.0/9');
    expect(clientAddress('10.127.255.255', ['198.51.100.23'], range)).toBe('198.51.100.23');
    expect(clientAddress('10.128.0.0', ['198.51.100.23'], range)).toBe('10.128.0.0');
    expect(clientAddress('9.255.255.255', ['198.51.100.23'], proxies('0.0.0.0/0'))).toBe('198.51.100.23');
  });

  it('whatever a client writes, it cannot make itself anyone but its own proxy-appended hop', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.ipV4(), fc.ipV6(), fc.string()), { maxLength: 6 }), (forged) => {
        const header = [...forged, '198.51.100.23'].join(', ');
        expect(clientAddress('127.0.0.1', [header], LOCAL_PROXY)).toBe('198.51.100.23');
        expect(clientAddress('198.51.100.23', [header], NONE)).toBe('198.51.100.23');
      }),
    );
  });
});

describe('parseTrustedProxies', () => {
  it('reads addresses and ranges separated by commas or spaces', () => {
    const parsed = parseTrustedProxies(' 127.0.0.1, ::1  10.0.0.0/8,fd00::/8 ');
    expect(parsed.ok && parsed.proxies.map((p) => [p.v, p.prefix])).toEqual([
      [4, 32],
      [6, 128],
      [4, 8],
      [6, 8],
    ]);
  });

  it('is an empty list for an empty setting', () => {
    expect(parseTrustedProxies('')).toEqual({ ok: true, proxies: [] });
    expect(parseTrustedProxies(' , ')).toEqual({ ok: true, proxies: [] });
  });

  it('names every entry it cannot read', () => {
    expect(parseTrustedProxies('127.0.0.1, localhost, 10.0.0.0/33, ::1/129, 1.2.3.4/8/8, 10.0.0.0/x')).toEqual({
      ok: false,
      invalid: ['localhost', '10.0.0.0/33', '::1/129', '1.2.3.4/8/8', '10.0.0.0/x'],
    });
  });
});
