import { describe, expect, it } from 'vitest';
import { DEVICE_COOKIE_MAX_AGE_SECONDS, knownDeviceId, rememberDevice } from './device-cookie';

const KEY = new Uint8Array(32).fill(7);
const OTHER_KEY = new Uint8Array(32).fill(8);
const NOW = 1_700_000_000_000;
const DAY = 24 * 3600 * 1000;

describe('the device cookie', () => {
  it('knows the device it was written for, for that account only', () => {
    const cookie = rememberDevice(undefined, 42, 'device-aaaaaaaa', KEY, NOW);
    expect(knownDeviceId(cookie, 42, KEY, NOW + DAY)).toBe('device-aaaaaaaa');
    expect(knownDeviceId(cookie, 43, KEY, NOW + DAY)).toBeNull();
  });

  it('knows nothing without a cookie, or from garbage', () => {
    expect(knownDeviceId(undefined, 42, KEY, NOW)).toBeNull();
    expect(knownDeviceId('', 42, KEY, NOW)).toBeNull();
    expect(knownDeviceId('42.abc.device-aaaaaaaa.x', 42, KEY, NOW)).toBeNull();
    expect(knownDeviceId('~~~', 42, KEY, NOW)).toBeNull();
  });

  it('refuses a note signed with another key, or changed in any part', () => {
    const cookie = rememberDevice(undefined, 42, 'device-aaaaaaaa', KEY, NOW);
    expect(knownDeviceId(cookie, 42, OTHER_KEY, NOW)).toBeNull();
    const [person, issued, device, mac] = cookie.split('.');
    expect(knownDeviceId(`43.${issued}.${device}.${mac}`, 43, KEY, NOW)).toBeNull();
    expect(knownDeviceId(`${person}.${issued}.device-bbbbbbbb.${mac}`, 42, KEY, NOW)).toBeNull();
    const later = (Number.parseInt(issued ?? '', 36) + 1).toString(36);
    expect(knownDeviceId(`${person}.${later}.${device}.${mac}`, 42, KEY, NOW)).toBeNull();
  });

  it('expires after its lifetime, and refuses one written in the future', () => {
    const cookie = rememberDevice(undefined, 42, 'device-aaaaaaaa', KEY, NOW);
    const life = DEVICE_COOKIE_MAX_AGE_SECONDS * 1000;
    expect(knownDeviceId(cookie, 42, KEY, NOW + life)).toBe('device-aaaaaaaa');
    expect(knownDeviceId(cookie, 42, KEY, NOW + life + 1000)).toBeNull();
    expect(knownDeviceId(cookie, 42, KEY, NOW - DAY)).toBeNull();
  });

  it('holds a few accounts of one browser, the latest login first', () => {
    let cookie = rememberDevice(undefined, 1, 'device-one-1', KEY, NOW);
    cookie = rememberDevice(cookie, 2, 'device-two-2', KEY, NOW + 1000);
    expect(knownDeviceId(cookie, 1, KEY, NOW + 2000)).toBe('device-one-1');
    expect(knownDeviceId(cookie, 2, KEY, NOW + 2000)).toBe('device-two-2');
    // Logging in again renews the account's note, keeping its id.
    cookie = rememberDevice(cookie, 1, 'device-one-1', KEY, NOW + DAY);
    expect(cookie.split('~')).toHaveLength(2);
    expect(cookie.startsWith('1.')).toBe(true);
    for (let p = 3; p <= 7; p++) cookie = rememberDevice(cookie, p, `device-${p}-xxxx`, KEY, NOW + DAY);
    expect(cookie.split('~')).toHaveLength(5);
    expect(knownDeviceId(cookie, 7, KEY, NOW + DAY)).toBe('device-7-xxxx');
    expect(knownDeviceId(cookie, 1, KEY, NOW + DAY)).toBeNull();
  });

  it('drops notes it cannot vouch for when writing a new one', () => {
    const cookie = rememberDevice('junk~42.x.y.z', 1, 'device-one-1', KEY, NOW);
    expect(cookie.split('~')).toHaveLength(1);
  });
});
