/**
 * The topic list's search box on the real schema (topics_fts, trigram): whatever is typed, the
 * query runs. Security review "Trust II": `?q=ab%00` answered 500 (FTS5 "unterminated string").
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTopics } from '@/db/topics/read';
import { one, setupDatabase, teardownDatabase } from './harness';

let compoundId = 0;
let title = '';

beforeAll(() => {
  setupDatabase();
  const topic = one<{ compoundId: number; title: string }>(
    sql`select compound_id as compoundId, title from topics order by id limit 1`,
  );
  compoundId = topic.compoundId;
  title = topic.title;
});
afterAll(teardownDatabase);

const search = (q: string) => listTopics(compoundId, { q, sort: 'new', page: 1 });

describe('searching topics', () => {
  it('a NUL or other control character in the text neither fails nor hides a match', () => {
    const words = [...title].slice(0, 3).join('');
    expect(search(words).total).toBe(1);
    for (const q of ['ab\u0000', `${words}\u0000`, `\u0000${words}`, `${words.slice(0, 1)}\u0001${words.slice(1)}`]) {
      expect(() => search(q)).not.toThrow();
    }
    expect(search(`${words}\u0000`).total).toBe(1);
  });

  it('text of only control characters filters nothing', () => {
    expect(search('\u0000\u0000\u0000').total).toBe(search('').total);
  });
});
