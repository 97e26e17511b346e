import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { TOPIC_CATEGORIES } from './categories';
import { VALIDATION_KEY_SET } from '../validation/messages';
import {
  commentSchema,
  meetingSchema,
  positionSchema,
  raiseTopicSchema,
  reviewSchema,
  topicListSchema,
} from './validation';

/** The issues of a failed parse as 'path: message' lines; fails the test if the parse succeeded. */
function issues(result: z.ZodSafeParseResult<unknown>): string[] {
  if (result.success) throw new Error(`expected a failure, got ${JSON.stringify(result.data)}`);
  return result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

/** The paths of the issues of a failed parse. */
function paths(result: z.ZodSafeParseResult<unknown>): string[] {
  if (result.success) throw new Error(`expected a failure, got ${JSON.stringify(result.data)}`);
  return result.error.issues.map((i) => i.path.join('.'));
}

function data<T>(result: z.ZodSafeParseResult<T>): T {
  if (!result.success) throw new Error(`expected success, got ${JSON.stringify(result.error.issues)}`);
  return result.data;
}

describe('raiseTopicSchema', () => {
  const form = { title: '3号楼下水管堵塞', description: '雨天污水倒灌进单元门口。', category: 'repairs' };

  it('accepts a good form, trimming the text; no building means the whole compound', () => {
    expect(data(raiseTopicSchema.safeParse({ ...form, title: `  ${form.title} ` }))).toEqual({
      ...form,
      buildingId: null,
    });
  });

  it.each(TOPIC_CATEGORIES)('accepts the category %s', (category) => {
    expect(data(raiseTopicSchema.safeParse({ ...form, category })).category).toBe(category);
  });

  it.each(['', '   '])('refuses the empty title %j as required', (title) => {
    expect(issues(raiseTopicSchema.safeParse({ ...form, title }))).toEqual(['title: required']);
  });

  it('refuses a missing title as required', () => {
    const { title: _, ...withoutTitle } = form;
    expect(issues(raiseTopicSchema.safeParse(withoutTitle))).toEqual(['title: required']);
  });

  it('accepts a title of 60 characters and refuses one of 61 as too long', () => {
    expect(data(raiseTopicSchema.safeParse({ ...form, title: '议'.repeat(60) })).title).toBe('议'.repeat(60));
    expect(issues(raiseTopicSchema.safeParse({ ...form, title: '议'.repeat(61) }))).toEqual(['title: tooLong']);
    expect(issues(raiseTopicSchema.safeParse({ ...form, title: 'x'.repeat(61) }))).toEqual(['title: tooLong']);
  });

  it('refuses a description over 2000 characters', () => {
    expect(issues(raiseTopicSchema.safeParse({ ...form, description: '水'.repeat(2001) }))).toEqual([
      'description: tooLong',
    ]);
  });

  it.each(['nope', '', 'Parking', 'constructor'])('refuses the category %j with "choose"', (category) => {
    expect(issues(raiseTopicSchema.safeParse({ ...form, category }))).toEqual(['category: choose']);
  });

  // Security issue "Trust II": U+202E turns the rest of a title around on screen.
  it('refuses a title with a right-to-left override', () => {
    expect(issues(raiseTopicSchema.safeParse({ ...form, title: '3号楼\u202E塞堵管水下' }))).toEqual([
      'title: invisibleChars',
    ]);
  });

  it('refuses a title of several lines, and keeps the lines of a description', () => {
    expect(issues(raiseTopicSchema.safeParse({ ...form, title: '3号楼\n下水管' }))).toEqual(['title: invisibleChars']);
    expect(data(raiseTopicSchema.safeParse({ ...form, description: '第一\r\n\t第二\r\n' })).description).toBe(
      '第一\n\t第二',
    );
  });

  it('reads the building: "" is the whole compound, "3" is building 3', () => {
    expect(data(raiseTopicSchema.safeParse({ ...form, buildingId: '' })).buildingId).toBeNull();
    expect(data(raiseTopicSchema.safeParse({ ...form, buildingId: '3' })).buildingId).toBe(3);
  });

  it.each(['abc', '0', '-1', '2.5'])('refuses the building %j', (buildingId) => {
    expect(paths(raiseTopicSchema.safeParse({ ...form, buildingId }))).toEqual(['buildingId']);
  });

  it('uses only known message keys for its own refusals', () => {
    const result = raiseTopicSchema.safeParse({ title: '', description: 'x'.repeat(2001), category: 'x' });
    expect(issues(result)).toEqual(['title: required', 'description: tooLong', 'category: choose']);
    for (const issue of result.error?.issues ?? []) expect(VALIDATION_KEY_SET).toContain(issue.message);
  });
});

describe('reviewSchema', () => {
  it('accepts accept with neither a reason nor a merge target', () => {
    expect(data(reviewSchema.safeParse({ topicId: '5', action: 'accept' }))).toEqual({
      topicId: 5,
      action: 'accept',
      reason: '',
      mergeInto: null,
    });
    expect(data(reviewSchema.safeParse({ topicId: '5', action: 'accept', reason: '', mergeInto: '' }))).toEqual({
      topicId: 5,
      action: 'accept',
      reason: '',
      mergeInto: null,
    });
  });

  it('accepts route_small_matter with neither', () => {
    expect(data(reviewSchema.safeParse({ topicId: '5', action: 'route_small_matter' })).action).toBe(
      'route_small_matter',
    );
  });

  it.each([undefined, '', '   '])('refuses reject with the reason %j as required', (reason) => {
    expect(issues(reviewSchema.safeParse({ topicId: '5', action: 'reject', reason }))).toEqual(['reason: required']);
  });

  it('accepts reject with a reason, trimmed', () => {
    expect(data(reviewSchema.safeParse({ topicId: '5', action: 'reject', reason: ' 属于物业日常维修 ' })).reason).toBe(
      '属于物业日常维修',
    );
  });

  it('refuses a reason over 500 characters', () => {
    expect(issues(reviewSchema.safeParse({ topicId: '5', action: 'reject', reason: 'x'.repeat(501) }))).toEqual([
      'reason: tooLong',
    ]);
  });

  it.each([undefined, ''])('refuses merge with the target %j with "choose"', (mergeInto) => {
    expect(issues(reviewSchema.safeParse({ topicId: '5', action: 'merge', mergeInto }))).toEqual(['mergeInto: choose']);
  });

  it('accepts merge with a target', () => {
    expect(data(reviewSchema.safeParse({ topicId: '5', action: 'merge', mergeInto: '2' })).mergeInto).toBe(2);
  });

  it.each(['', 'approve', 'ACCEPT'])('refuses the action %j with "choose"', (action) => {
    expect(issues(reviewSchema.safeParse({ topicId: '5', action }))).toEqual(['action: choose']);
  });

  it.each(['', 'x', '0'])('refuses the topic id %j with "choose"', (topicId) => {
    expect(issues(reviewSchema.safeParse({ topicId, action: 'accept' }))).toEqual(['topicId: choose']);
  });
});

describe('commentSchema', () => {
  it('reads parentId "" and a missing parentId as a top-level comment', () => {
    expect(data(commentSchema.safeParse({ topicId: '5', body: ' 同意 ', parentId: '' }))).toEqual({
      topicId: 5,
      body: '同意',
      parentId: null,
    });
    expect(data(commentSchema.safeParse({ topicId: '5', body: '同意' })).parentId).toBeNull();
  });

  it('reads a reply', () => {
    expect(data(commentSchema.safeParse({ topicId: '5', body: '同意', parentId: '12' })).parentId).toBe(12);
  });

  // Security issue "Trust II": NUL in a comment.
  it('refuses a comment with NUL', () => {
    expect(issues(commentSchema.safeParse({ topicId: '5', body: '同意\u0000' }))).toEqual(['body: invisibleChars']);
    expect(issues(commentSchema.safeParse({ topicId: '5', body: '\u0000' }))).toEqual(['body: invisibleChars']);
  });

  it('refuses zero width and bidi characters in a comment but keeps an emoji spelled with a joiner', () => {
    for (const body of ['同\u200B意', '同意\u2066', '同意\u2028']) {
      expect(issues(commentSchema.safeParse({ topicId: '5', body }))).toEqual(['body: invisibleChars']);
    }
    expect(data(commentSchema.safeParse({ topicId: '5', body: '同意🤷\u200D♀️' })).body).toBe('同意🤷\u200D♀️');
  });

  it('refuses a refused character in an official position too', () => {
    expect(issues(positionSchema.safeParse({ topicId: '5', party: 'branch', body: '支持\u200F' }))).toEqual([
      'body: invisibleChars',
    ]);
  });

  it('refuses an empty body and one over 1000 characters', () => {
    expect(issues(commentSchema.safeParse({ topicId: '5', body: '  ' }))).toEqual(['body: required']);
    expect(issues(commentSchema.safeParse({ topicId: '5', body: 'x'.repeat(1001) }))).toEqual(['body: tooLong']);
  });
});

describe('meetingSchema', () => {
  const form = {
    title: '停车位议事会',
    startsAt: '2026-12-02T19:00',
    place: '社区活动室',
    topicIds: ['3', '4'],
    inviteeIds: [],
  };

  it('reads the start as Shanghai time', () => {
    const parsed = data(meetingSchema.safeParse(form));
    expect(parsed.startsAt).toBe(Date.UTC(2026, 11, 2, 11, 0, 0));
    expect(new Date(parsed.startsAt).toISOString()).toBe('2026-12-02T11:00:00.000Z');
    expect(parsed.topicIds).toEqual([3, 4]);
    expect(parsed.extraMobiles).toBe('');
  });

  it('reads a start just after midnight in Shanghai as the previous UTC day', () => {
    expect(data(meetingSchema.safeParse({ ...form, startsAt: '2027-01-01T00:30' })).startsAt).toBe(
      Date.UTC(2026, 11, 31, 16, 30, 0),
    );
  });

  it.each([
    '2026-12-02 19:00',
    '2026-12-02',
    '2026-12-02T19:00:00',
    '2026-12-02T19:00Z',
    '2026-12-02T19:00+08:00',
    '2026-12-2T19:00',
    '2026-13-01T19:00',
    '2026-12-32T19:00',
    '2026-12-02T25:00',
    '2026-12-02T19:60',
  ])('refuses the start %j as invalid', (startsAt) => {
    expect(issues(meetingSchema.safeParse({ ...form, startsAt }))).toEqual(['startsAt: invalid']);
  });

  // Date.parse alone would roll an impossible day over into the next month.
  it.each(['2026-02-30T19:00', '2026-02-29T19:00', '2026-04-31T19:00'])(
    'refuses the impossible date %j as invalid',
    (startsAt) => {
      expect(issues(meetingSchema.safeParse({ ...form, startsAt }))).toEqual(['startsAt: invalid']);
    },
  );

  it('refuses a missing start as required', () => {
    const { startsAt: _, ...withoutStart } = form;
    expect(issues(meetingSchema.safeParse(withoutStart))).toEqual(['startsAt: required']);
  });

  // The form sends an empty field when nothing was picked: that is missing, not "not in the right format".
  it('refuses an empty start as required', () => {
    expect(issues(meetingSchema.safeParse({ ...form, startsAt: '' }))).toEqual(['startsAt: required']);
  });

  it('refuses a meeting with no topics with "choose"', () => {
    expect(issues(meetingSchema.safeParse({ ...form, topicIds: [] }))).toEqual(['topicIds: choose']);
  });

  it('accepts 20 topics and refuses 21', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));
    expect(data(meetingSchema.safeParse({ ...form, topicIds: ids(20) })).topicIds).toHaveLength(20);
    expect(issues(meetingSchema.safeParse({ ...form, topicIds: ids(21) }))).toEqual(['topicIds: range']);
  });
});

describe('topicListSchema', () => {
  it('has defaults for an empty query', () => {
    expect(topicListSchema.parse({})).toEqual({ sort: 'new', page: 1 });
  });

  it('reads good values', () => {
    expect(
      topicListSchema.parse({
        status: 'raised',
        category: 'parking',
        building: '3',
        q: '停车',
        sort: 'cosigns',
        page: '2',
      }),
    ).toEqual({ status: 'raised', category: 'parking', building: 3, q: '停车', sort: 'cosigns', page: 2 });
  });

  it('falls back from garbage instead of refusing the page', () => {
    expect(topicListSchema.parse({ sort: 'x', page: '-3', category: 'nope', q: '  下水管 ' })).toEqual({
      sort: 'new',
      page: 1,
      q: '下水管',
    });
  });

  it.each([
    ['sort', 'x', 'new'],
    ['sort', '', 'new'],
    ['page', '-3', 1],
    ['page', '0', 1],
    ['page', 'abc', 1],
    ['page', '2.5', 1],
    ['page', '10001', 1],
    ['category', 'nope', undefined],
    ['building', 'abc', undefined],
    ['building', '0', undefined],
    ['status', 'x'.repeat(21), undefined],
    ['q', '   ', undefined],
    ['q', '', undefined],
    ['q', '  下水管 ', '下水管'],
  ] as const)('reads %s=%j as %j', (key, value, expected) => {
    const parsed: Record<string, unknown> = topicListSchema.parse({ [key]: value });
    expect(parsed[key]).toBe(expected);
  });

  it('drops invisible characters from the search instead of refusing it, and cuts it to 40 characters', () => {
    expect(topicListSchema.parse({ q: '下水\u200B管\u202E' }).q).toBe('下水管');
    expect(topicListSchema.parse({ q: '\u200B\u0000' }).q).toBeUndefined();
    expect(topicListSchema.parse({ q: '堵'.repeat(50) }).q).toBe('堵'.repeat(40));
  });

  it('never throws, whatever the values', () => {
    const garbage = { status: 5, category: [], building: {}, q: 7, sort: null, page: 'NaN' };
    expect(topicListSchema.safeParse(garbage).success).toBe(true);
  });
});
