/**
 * Logging out from the header's form (app/logout-action.ts): the server-side session ends, so the
 * token is worthless wherever it was copied, and the browser is sent to the login page.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadSessionActor } from '../db/auth/sessions';
import { actAs, personId, setupDatabase, teardownDatabase, who } from './harness';

const set = vi.fn();
vi.mock('next/headers', () => ({ cookies: async () => ({ get: () => undefined, set, delete: () => {} }) }));
vi.mock('@/server/auth/token', () => import('./mocks/token'));

const { logoutAction } = await import('@/app/logout-action');

beforeAll(() => setupDatabase());
afterAll(() => teardownDatabase());

describe('logout', () => {
  it('ends the session, clears the cookie and goes to the login page', async () => {
    actAs(personId('13800000004'));
    const sid = who.sid ?? '';
    expect(loadSessionActor(sid)?.revokedAt).toBeNull();
    await expect(logoutAction()).rejects.toMatchObject({ digest: expect.stringContaining('/login') });
    expect(loadSessionActor(sid)?.revokedAt).toEqual(expect.any(Number));
    expect(set).toHaveBeenCalledWith('next-auth.session-token', '', expect.objectContaining({ maxAge: 0 }));
  });

  it('with no session, only goes to the login page', async () => {
    actAs(null);
    await expect(logoutAction()).rejects.toMatchObject({ digest: expect.stringContaining('/login') });
  });
});
