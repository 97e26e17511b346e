import { describe, expect, it } from 'vitest';
import { type Anchor, anchorLine, hashGroups, normaliseTypedHash, parseAnchorLine, readAnchorText } from './anchors';

const A: Anchor = {
  id: 7,
  compoundId: 3,
  entryId: 1234,
  hash: 'ab12'.repeat(16),
  at: Date.UTC(2026, 10, 30, 0, 0, 3, 250),
  reason: 'daily',
};

describe('anchor lines', () => {
  it('are one JSON line each, read back exactly, the time readable', () => {
    const line = anchorLine(A);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.indexOf('\n')).toBe(line.length - 1);
    expect(line).toContain('"at":"2026-11-30T00:00:03.250Z"');
    expect(parseAnchorLine(line.trimEnd())).toEqual(A);
    expect(parseAnchorLine(anchorLine({ ...A, compoundId: null, reason: 'vote_closed' }))).toEqual({
      ...A,
      compoundId: null,
      reason: 'vote_closed',
    });
  });

  it.each([
    ['not JSON', '{"anchor":7,'],
    ['an array', '[7]'],
    ['a short hash', anchorLine({ ...A, hash: 'ab12' })],
    ['an upper-case hash', anchorLine({ ...A, hash: A.hash.toUpperCase() })],
    ['an unknown reason', anchorLine(A).replace('daily', 'weekly')],
    ['no time', anchorLine(A).replace('2026-11-30T00:00:03.250Z', 'yesterday')],
    ['a zero entry', anchorLine({ ...A, entryId: 0 })],
    ['a fractional anchor number', anchorLine({ ...A, id: 7.5 })],
  ])('refuse %s', (_name, line) => {
    expect(parseAnchorLine(line)).toBeNull();
  });
});

describe('readAnchorText', () => {
  const two = anchorLine(A) + anchorLine({ ...A, id: 8, entryId: 1240 });

  it('reads every line, numbered from 1', () => {
    const r = readAnchorText(two);
    expect(r.lines.map((l) => [l.line, l.anchor.id])).toEqual([
      [1, 7],
      [2, 8],
    ]);
    expect(r.unreadable).toEqual([]);
    expect(r.torn).toBe(false);
  });

  it('reads an empty file as no anchors', () => {
    expect(readAnchorText('')).toEqual({ lines: [], unreadable: [], torn: false });
  });

  it('tells a last line cut short by a crash from a line edited in the middle', () => {
    const torn = readAnchorText(two + anchorLine({ ...A, id: 9 }).slice(0, 40));
    expect(torn.torn).toBe(true);
    expect(torn.lines).toHaveLength(2);
    expect(torn.unreadable).toEqual([]);
    const edited = readAnchorText(`${anchorLine(A)}hello\n${anchorLine({ ...A, id: 8 })}`);
    expect(edited.unreadable).toEqual([2]);
    expect(edited.torn).toBe(false);
  });
});

describe('hashes for people', () => {
  it('print in sixteen groups of four', () => {
    const groups = hashGroups(A.hash);
    expect(groups).toHaveLength(16);
    expect(groups.join('')).toBe(A.hash);
  });

  it('are read back as typed from paper: spaces, dashes and capitals forgiven', () => {
    expect(normaliseTypedHash(hashGroups(A.hash).join(' ').toUpperCase())).toBe(A.hash);
    expect(normaliseTypedHash('AB12-ab12 ab12 ab12')).toBe('ab12ab12ab12ab12');
  });

  it('refuse what is not hex, or too short to mean anything', () => {
    expect(normaliseTypedHash('ab12 ab12 ab12')).toBeNull();
    expect(normaliseTypedHash('xy12'.repeat(4))).toBeNull();
    expect(normaliseTypedHash(`${A.hash}00`)).toBeNull();
  });
});
