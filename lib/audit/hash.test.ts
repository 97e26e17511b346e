import { describe, expect, it } from 'vitest';
import { type AuditFields, findBrokenLink, GENESIS_HASH, hashAuditEntry } from './hash';

type Entry = AuditFields & { id: number; prevHash: string; hash: string };

const BASE: AuditFields = {
  compoundId: 1000,
  actorId: 42,
  at: 1_700_000_000_000,
  entity: 'topic',
  entityId: 7,
  action: 'review',
  fromState: 'raised',
  toState: 'accepted',
  reason: '多人附议，列入议程',
  data: '{"cosigners":12}',
};

/** Links entries in order, from the genesis hash, as the audit log writes them. */
function chain(fields: AuditFields[]): Entry[] {
  let prev = GENESIS_HASH;
  return fields.map((f, i) => {
    const hash = hashAuditEntry(prev, f);
    const entry = { ...f, id: i + 1, prevHash: prev, hash };
    prev = hash;
    return entry;
  });
}

function sampleChain(): Entry[] {
  return chain([
    { ...BASE, action: 'raise', fromState: null, toState: 'raised', reason: null },
    { ...BASE, action: 'cosign', fromState: null, toState: null, reason: null, data: null },
    BASE,
    { ...BASE, at: BASE.at + 86_400_000, action: 'open_vote', fromState: 'accepted', toState: 'voting' },
    { ...BASE, actorId: null, action: 'close_vote', fromState: 'voting', toState: 'decided', reason: null },
  ]);
}

/** Entry i of the chain, failing the test when absent. */
function at(entries: Entry[], i: number): Entry {
  const e = entries[i];
  if (!e) throw new Error(`no entry at ${i}`);
  return e;
}

describe('hashAuditEntry', () => {
  it('is a sha256 hex digest', () => {
    expect(hashAuditEntry(GENESIS_HASH, BASE)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is deterministic', () => {
    expect(hashAuditEntry(GENESIS_HASH, BASE)).toBe(hashAuditEntry(GENESIS_HASH, { ...BASE }));
  });

  it('does not depend on the order the fields were written in, nor on extra properties', () => {
    const reordered: AuditFields = {
      data: BASE.data,
      reason: BASE.reason,
      toState: BASE.toState,
      fromState: BASE.fromState,
      action: BASE.action,
      entityId: BASE.entityId,
      entity: BASE.entity,
      at: BASE.at,
      actorId: BASE.actorId,
      compoundId: BASE.compoundId,
    };
    expect(hashAuditEntry(GENESIS_HASH, reordered)).toBe(hashAuditEntry(GENESIS_HASH, BASE));
    const stored = { ...BASE, id: 9, prevHash: 'x', hash: 'y' };
    expect(hashAuditEntry(GENESIS_HASH, stored)).toBe(hashAuditEntry(GENESIS_HASH, BASE));
  });

  it('changes with the previous hash', () => {
    expect(hashAuditEntry('1'.repeat(64), BASE)).not.toBe(hashAuditEntry(GENESIS_HASH, BASE));
  });

  describe('changes when any one field changes', () => {
    const changes: [string, AuditFields][] = [
      ['compoundId', { ...BASE, compoundId: 1001 }],
      ['compoundId to null', { ...BASE, compoundId: null }],
      ['actorId', { ...BASE, actorId: 43 }],
      ['actorId to null', { ...BASE, actorId: null }],
      ['at, by one millisecond', { ...BASE, at: BASE.at + 1 }],
      ['entity', { ...BASE, entity: 'vote' }],
      ['entityId', { ...BASE, entityId: 8 }],
      ['entityId to null', { ...BASE, entityId: null }],
      ['action', { ...BASE, action: 'reject' }],
      ['fromState', { ...BASE, fromState: 'merged' }],
      ['fromState to null', { ...BASE, fromState: null }],
      ['toState', { ...BASE, toState: 'rejected' }],
      ['reason, by one character', { ...BASE, reason: '多人附议，列入议程。' }],
      ['reason to empty', { ...BASE, reason: '' }],
      ['reason to null', { ...BASE, reason: null }],
      ['data', { ...BASE, data: '{"cosigners":13}' }],
      ['data to null', { ...BASE, data: null }],
    ];
    it.each(changes)('%s', (_name, changed) => {
      expect(hashAuditEntry(GENESIS_HASH, changed)).not.toBe(hashAuditEntry(GENESIS_HASH, BASE));
    });
  });

  it('tells apart text moved from one field to the next', () => {
    const a = { ...BASE, entity: 'topic', action: 'review' };
    const b = { ...BASE, entity: 'topicr', action: 'eview' };
    expect(hashAuditEntry(GENESIS_HASH, a)).not.toBe(hashAuditEntry(GENESIS_HASH, b));
    const c = { ...BASE, fromState: null, toState: 'x' };
    const d = { ...BASE, fromState: 'x', toState: null };
    expect(hashAuditEntry(GENESIS_HASH, c)).not.toBe(hashAuditEntry(GENESIS_HASH, d));
  });
});

describe('findBrokenLink', () => {
  it('returns null for an intact chain', () => {
    expect(findBrokenLink(sampleChain())).toBeNull();
  });

  it('returns null for an empty chain', () => {
    expect(findBrokenLink([])).toBeNull();
  });

  it('returns null for a chain of one', () => {
    expect(findBrokenLink(chain([BASE]))).toBeNull();
  });

  it('finds an edited field in the middle of the chain', () => {
    const entries = sampleChain();
    entries[2] = { ...at(entries, 2), toState: 'rejected' };
    expect(findBrokenLink(entries)).toBe(3);
  });

  it('finds an edited first entry, and an edited last one', () => {
    const first = sampleChain();
    first[0] = { ...at(first, 0), actorId: 99 };
    expect(findBrokenLink(first)).toBe(1);

    const last = sampleChain();
    last[4] = { ...at(last, 4), data: '{"agree":0}' };
    expect(findBrokenLink(last)).toBe(5);
  });

  it('returns the first broken entry when several are', () => {
    const entries = sampleChain();
    entries[3] = { ...at(entries, 3), reason: 'x' };
    entries[1] = { ...at(entries, 1), reason: 'y' };
    expect(findBrokenLink(entries)).toBe(2);
  });

  it('finds an edit whose hash was recomputed, at the next entry', () => {
    const entries = sampleChain();
    const edited = { ...at(entries, 1), reason: 'rewritten' };
    entries[1] = { ...edited, hash: hashAuditEntry(edited.prevHash, edited) };
    expect(findBrokenLink(entries)).toBe(3);
  });

  it('finds a changed stored hash', () => {
    const entries = sampleChain();
    entries[2] = { ...at(entries, 2), hash: 'f'.repeat(64) };
    expect(findBrokenLink(entries)).toBe(3);
  });

  it('finds reordered entries', () => {
    const entries = sampleChain();
    const swapped = [at(entries, 0), at(entries, 2), at(entries, 1), at(entries, 3), at(entries, 4)];
    expect(findBrokenLink(swapped)).toBe(3);
  });

  it('finds a deleted entry', () => {
    const entries = sampleChain();
    entries.splice(2, 1);
    expect(findBrokenLink(entries)).toBe(4);
  });

  it('finds a wrong previous hash, even when the entry is hashed over it', () => {
    const entries = sampleChain();
    const forged = { ...at(entries, 3), prevHash: GENESIS_HASH };
    entries[3] = { ...forged, hash: hashAuditEntry(GENESIS_HASH, forged) };
    expect(findBrokenLink(entries)).toBe(4);
  });

  it('finds a chain that does not start from the genesis hash', () => {
    const entries = sampleChain().slice(1);
    expect(findBrokenLink(entries)).toBe(2);
  });

  it('finds an entry inserted into the chain', () => {
    const entries = sampleChain();
    const prev = at(entries, 1);
    const inserted = { ...BASE, action: 'inserted', id: 99, prevHash: prev.hash, hash: '' };
    inserted.hash = hashAuditEntry(prev.hash, inserted);
    entries.splice(2, 0, inserted);
    expect(findBrokenLink(entries)).toBe(3);
  });
});
