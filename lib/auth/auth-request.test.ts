import { describe, expect, it } from 'vitest';
import { type AuthRequest, authRefusal, isAcceptableCallbackUrl } from './auth-request';

const request = (r: Partial<AuthRequest>): AuthRequest => ({
  method: 'GET',
  segments: ['session'],
  callbackUrls: [],
  callbackCookie: undefined,
  ...r,
});

describe('requests next-auth would answer with a 500', () => {
  it('accepts callback URLs the way next-auth does: a path here or an http(s) address', () => {
    for (const ok of ['/', '/c/1/topics?q=x', 'https://yishi.example/x', 'http://localhost:3000']) {
      expect(isAcceptableCallbackUrl(ok), ok).toBe(true);
    }
    for (const bad of ['1e3', '0', '中文', 'javascript:alert(1)', '', 'http://[::1', 'mailto:a@b.c']) {
      expect(isAcceptableCallbackUrl(bad), bad).toBe(false);
    }
  });

  it('refuses a bad or repeated callbackUrl with 400, and clears a bad callback cookie', () => {
    expect(authRefusal(request({ callbackUrls: ['1e3'] }))?.status).toBe(400);
    expect(authRefusal(request({ callbackUrls: ['/a', '/b'] }))?.status).toBe(400);
    expect(authRefusal(request({ callbackCookie: 'x' }))).toMatchObject({ status: 400, clearCallbackCookie: true });
    expect(authRefusal(request({ callbackUrls: ['/login'], callbackCookie: 'http://localhost/' }))).toBeNull();
  });

  it('refuses a GET to the credentials callback with 405 and a POST whose JSON does not parse with 400', () => {
    expect(authRefusal(request({ segments: ['callback', 'credentials'] }))).toMatchObject({
      status: 405,
      allow: 'POST',
    });
    expect(authRefusal(request({ method: 'POST', segments: ['callback', 'credentials'] }))).toBeNull();
    expect(authRefusal(request({ method: 'POST', body: { parses: false, callbackUrls: [] } }))?.status).toBe(400);
    expect(authRefusal(request({ method: 'POST', body: { parses: true, callbackUrls: [] } }))).toBeNull();
  });

  it("refuses a body's callbackUrl next-auth's redirect callback cannot parse (it threw: 500)", () => {
    for (const bad of ['1e3', 1, null, ['/a']]) {
      expect(authRefusal(request({ method: 'POST', body: { parses: true, callbackUrls: [bad] } }))?.status).toBe(400);
    }
    expect(authRefusal(request({ method: 'POST', body: { parses: true, callbackUrls: ['/login'] } }))).toBeNull();
  });
});
