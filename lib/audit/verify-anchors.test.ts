import { describe, expect, it } from 'vitest';
import { anchorLabel, describeFinding } from './anchor-report';
import { type Anchor, type AnchorReason, anchorLine, readAnchorText } from './anchors';
import { type AuditFields, GENESIS_HASH, hashAuditEntry } from './hash';
import { type AnchorFinding, checkTypedHash, isFailure, verifyAnchors } from './verify-anchors';

type Entry = AuditFields & { id: number; prevHash: string; hash: string };

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 29, 16, 0); // 2026-11-30 00:00 in Shanghai

/** A compound's chain of `n` entries with ids spaced by `step` (other chains' entries fall between). */
function chain(compoundId: number | null, n: number, first = 1, step = 2): Entry[] {
  let prev = GENESIS_HASH;
  return Array.from({ length: n }, (_, i) => {
    const f: AuditFields = {
      compoundId,
      actorId: 1,
      at: T0 + i,
      entity: 'topic',
      entityId: i,
      action: 'raise',
      fromState: null,
      toState: 'raised',
      reason: `第${i}条`,
      data: null,
    };
    const hash = hashAuditEntry(prev, f);
    const e = { ...f, id: first + i * step, prevHash: prev, hash };
    prev = hash;
    return e;
  });
}

/** The chain rewritten from its entry `from` on, and every hash after it recomputed. */
function rewritten(entries: Entry[], from: number, reason = '改过了'): Entry[] {
  let prev = GENESIS_HASH;
  return entries.map((e) => {
    const fields = e.id === from ? { ...e, reason } : e;
    const hash = hashAuditEntry(prev, fields);
    const out = { ...fields, prevHash: prev, hash };
    prev = hash;
    return out;
  });
}

function entryAt(entries: Entry[], i: number): Entry {
  const e = entries[i];
  if (!e) throw new Error(`no entry ${i}`);
  return e;
}

let nextAnchor = 1;
function anchorOf(e: Entry, day: number, reason: AnchorReason = 'daily'): Anchor {
  return { id: nextAnchor++, compoundId: e.compoundId, entryId: e.id, hash: e.hash, at: T0 + day * DAY, reason };
}

const linksOf = (...chains: Entry[][]) => new Map(chains.map((c) => [c[0]?.compoundId ?? null, c]));
const fileOf = (anchors: Anchor[], extra = '') => readAnchorText(anchors.map(anchorLine).join('') + extra);
const failures = (fs: AnchorFinding[]) => fs.filter(isFailure);
const name = (id: number | null) => (id === null ? 'district administration' : id === 3 ? '合和大院' : String(id));

// The compound's chain: ids 1, 3, 5 … 39; anchored daily at entries 9, 19 and at a vote's close at 29.
const original = chain(3, 20);
const district = chain(null, 5, 2);
const anchors = [
  anchorOf(entryAt(original, 4), 0),
  anchorOf(entryAt(district, 4), 0),
  anchorOf(entryAt(original, 9), 1),
  anchorOf(entryAt(original, 14), 1, 'vote_closed'),
];
const file = { file: 'audit-anchors.log', contents: fileOf(anchors), primary: true };

describe('verifyAnchors', () => {
  it('finds nothing wrong when chains, table and file agree; notes the entries not anchored yet', () => {
    const found = verifyAnchors({ chains: linksOf(original, district), table: anchors, files: [file] });
    expect(failures(found)).toEqual([]);
    expect(found).toEqual([{ kind: 'unanchored', chain: 3, entries: 5, newest: anchors[3] }]);
  });

  it('reports the newest anchored entry rewritten and re-hashed, as that entry, after that anchor', () => {
    const chains = linksOf(rewritten(original, 29), district);
    const [f, ...rest] = failures(verifyAnchors({ chains, table: anchors, files: [file] }));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ kind: 'changed', chain: 3, anchor: anchors[3], stillMatching: anchors[2] });
    expect(f?.kind === 'changed' && f.suspects).toEqual([21, 23, 25, 27, 29]);
    expect(f?.kind === 'changed' && f.sources).toEqual(['database', { file: 'audit-anchors.log', line: 4 }]);
  });

  it('names the single entry when the anchors before and at it are one entry apart', () => {
    const tight = [...anchors, anchorOf(entryAt(original, 18), 2), anchorOf(entryAt(original, 19), 2, 'vote_closed')];
    const chains = linksOf(rewritten(original, 39), district);
    const found = failures(verifyAnchors({ chains, table: tight, files: [] }));
    expect(found).toHaveLength(1);
    const text = describeFinding(found[0] as AnchorFinding, name);
    expect(text).toContain('chain 合和大院: entry 39 changed after the anchor of 2026-12-02 00:00 (vote closed)');
    expect(text).toContain('the anchor of 2026-12-02 00:00 (daily) (entry 37) still matches');
  });

  it('reports a whole chain re-hashed: nothing before the first anchor still matches', () => {
    const chains = linksOf(rewritten(original, 1), district);
    const found = failures(verifyAnchors({ chains, table: anchors, files: [file] }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'changed', anchor: anchors[0], stillMatching: null, laterAnchors: 2 });
    expect(found[0]?.kind === 'changed' && found[0].suspects).toEqual([1, 3, 5, 7, 9]);
    expect(describeFinding(found[0] as AnchorFinding, name)).toContain('no earlier anchor of this chain matches');
  });

  it('reports an anchored entry that is gone', () => {
    const chains = linksOf(original.slice(0, 12), district);
    const found = failures(verifyAnchors({ chains, table: anchors, files: [file] }));
    expect(found).toMatchObject([{ kind: 'changed', anchor: anchors[3], now: null }]);
  });

  it('catches a table rewritten to match a rewritten chain, by the file', () => {
    const chains = linksOf(rewritten(original, 29), district);
    const forged = anchors.map((a) => (a.entryId === 29 ? { ...a, hash: chains.get(3)?.[14]?.hash ?? '' } : a));
    const found = failures(verifyAnchors({ chains, table: forged, files: [file] }));
    expect(found.map((f) => f.kind).sort()).toEqual(['changed', 'differs']);
    expect(found.find((f) => f.kind === 'changed')).toMatchObject({
      anchor: anchors[3],
      sources: [{ file: 'audit-anchors.log', line: 4 }],
    });
  });

  it('does not count the newest anchors missing from the file (a crash after the commit) as tampering', () => {
    const crashed = { ...file, contents: fileOf(anchors.slice(0, 3)) };
    const found = verifyAnchors({ chains: linksOf(original, district), table: anchors, files: [crashed] });
    expect(failures(found)).toEqual([]);
    expect(found).toContainEqual({ kind: 'pending', file: 'audit-anchors.log', anchors: [anchors[3]] });
    // Nor a last line cut short.
    const torn = { ...file, contents: fileOf(anchors.slice(0, 3), anchorLine(anchors[3] as Anchor).slice(0, 30)) };
    const tornFound = verifyAnchors({ chains: linksOf(original, district), table: anchors, files: [torn] });
    expect(failures(tornFound)).toEqual([]);
    expect(tornFound.map((f) => f.kind)).toContain('torn_line');
  });

  it('reports a line removed from the middle of the file, an edited line and a file that is gone', () => {
    const chains = linksOf(original, district);
    const removed = { ...file, contents: fileOf([anchors[0], anchors[2], anchors[3]] as Anchor[]) };
    expect(failures(verifyAnchors({ chains, table: anchors, files: [removed] }))).toEqual([
      { kind: 'missing_from_file', file: 'audit-anchors.log', anchor: anchors[1] },
    ]);
    const edited = {
      ...file,
      contents: readAnchorText(anchorLine(anchors[0] as Anchor).replace('"entry":9', '"entry": 9,')),
    };
    expect(failures(verifyAnchors({ chains, table: anchors.slice(0, 1), files: [edited] }))).toEqual([
      { kind: 'unreadable_line', file: 'audit-anchors.log', line: 1 },
    ]);
    expect(failures(verifyAnchors({ chains, table: anchors, files: [{ ...file, contents: null }] }))).toEqual([
      { kind: 'file_missing', file: 'audit-anchors.log' },
    ]);
  });

  it('reports a line the database does not have, and lines out of order', () => {
    const chains = linksOf(original, district);
    const extra = { ...file, contents: fileOf([...anchors, { ...(anchors[3] as Anchor), id: 99 }]) };
    expect(failures(verifyAnchors({ chains, table: anchors, files: [extra] })).map((f) => f.kind)).toEqual([
      'not_in_database',
    ]);
    const swapped = { ...file, contents: fileOf([anchors[1], anchors[0], anchors[2], anchors[3]] as Anchor[]) };
    expect(failures(verifyAnchors({ chains, table: anchors, files: [swapped] })).map((f) => f.kind)).toEqual([
      'out_of_order',
    ]);
  });

  it("checks an older copy of the file (a backup's) without expecting it to be complete", () => {
    const older = { file: 'backup.anchors.log', contents: fileOf(anchors.slice(0, 2)), primary: false };
    const found = verifyAnchors({ chains: linksOf(original, district), table: anchors, files: [file, older] });
    expect(failures(found)).toEqual([]);
    expect(found.filter((f) => f.kind === 'pending')).toEqual([]);
  });
});

describe('checkTypedHash', () => {
  const at = entryAt(original, 9);
  it('answers whether the chain still has a hash kept on paper (or its first digits)', () => {
    expect(checkTypedHash(original, at.id, at.hash)).toEqual({ kind: 'match', entries: 10, digits: 64 });
    expect(checkTypedHash(original, at.id, at.hash.slice(0, 16))).toMatchObject({ kind: 'match', digits: 16 });
    expect(checkTypedHash(rewritten(original, 5), at.id, at.hash)).toMatchObject({ kind: 'mismatch' });
    expect(checkTypedHash(original, at.id + 1, at.hash)).toEqual({ kind: 'no_entry' });
  });

  it('does not vouch for an entry behind a broken link', () => {
    const broken = original.map((e) => (e.id === 5 ? { ...e, reason: 'x' } : e));
    expect(checkTypedHash(broken, at.id, at.hash)).toEqual({ kind: 'broken', at: 5 });
  });
});

describe('anchorLabel', () => {
  it('gives the time in Shanghai and the reason in words', () => {
    expect(anchorLabel({ ...(anchors[0] as Anchor), at: T0 + 8 * 3_600_000, reason: 'decision_published' })).toBe(
      'the anchor of 2026-11-30 08:00 (decision published)',
    );
  });
});
