import { describe, expect, it } from 'vitest';
import { ratingSchema } from './validation';

const issue = (input: Record<string, unknown>) => {
  const r = ratingSchema.safeParse({ topicId: '1', ...input });
  return r.success ? null : r.error.issues.map((i) => [i.path[0], i.message]);
};

describe('a rating', () => {
  it('sent without stars asks for the stars, not for "a whole number"', () => {
    expect(issue({})).toEqual([['stars', 'chooseStars']]);
    expect(issue({ stars: '' })).toEqual([['stars', 'chooseStars']]);
  });

  it('takes 1 to 5 stars and nothing else', () => {
    expect(issue({ stars: '4' })).toBeNull();
    for (const bad of ['0', '6', '3.5', 'x']) expect(issue({ stars: bad })).toEqual([['stars', 'chooseStars']]);
  });
});
