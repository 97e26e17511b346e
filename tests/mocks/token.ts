import { who } from '../harness';

export const sessionIdFromCookie = async () => who.sid;
