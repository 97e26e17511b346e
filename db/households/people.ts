import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '../client';
import { people } from '../schema';

/** A person's own mobile (their login): for their own requests and "my data". */
export function mobileOf(personId: number): string | null {
  return getDb().select({ mobile: people.mobile }).from(people).where(eq(people.id, personId)).get()?.mobile ?? null;
}
