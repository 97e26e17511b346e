import { currentActor } from '../harness';

/** The person the harness acts as (tests/harness.ts actAs), read through the real session table. */
export const getActor = async () => currentActor();
export const requireActor = async () => {
  const actor = currentActor();
  if (!actor) throw Object.assign(new Error('redirect'), { digest: 'NEXT_REDIRECT;/login' });
  return actor;
};
