import type { Anchor, AnchorFileContents } from './anchors';
import { type AuditFields, findBrokenLink } from './hash';

/** What the anchors are checked against: each chain's entries (id and hash), in id order. */
export type ChainLinks = ReadonlyMap<number | null, readonly { id: number; hash: string }[]>;

export interface AnchorFile {
  file: string;
  /** null: the file is not there. */
  contents: AnchorFileContents | null;
  /** The installation's own file (not a copy from a backup): anchors it lacks yet are expected. */
  primary: boolean;
}

/** Where an anchor was read: 'database', or a file and line. */
export type Source = { file: string; line: number } | 'database';

export type AnchorFinding =
  // Failures: something changed that was published, or the published record itself was edited.
  | {
      kind: 'changed';
      chain: number | null;
      anchor: Anchor;
      sources: Source[];
      /** The newest earlier anchor of the chain that still matches: the change lies after its entry. */
      stillMatching: Anchor | null;
      /** The chain's current entries that may have changed: after stillMatching, up to the anchor's. */
      suspects: number[];
      /** The entry's hash now; null when the entry is no longer in the chain. */
      now: string | null;
      /** Later anchors of the same chain that no longer match either (they follow from this change). */
      laterAnchors: number;
    }
  | { kind: 'file_missing'; file: string }
  | { kind: 'unreadable_line'; file: string; line: number }
  | { kind: 'out_of_order'; file: string; line: number; anchor: Anchor }
  | { kind: 'not_in_database'; file: string; line: number; anchor: Anchor }
  | { kind: 'differs'; file: string; line: number; anchor: Anchor; database: Anchor }
  | { kind: 'missing_from_file'; file: string; anchor: Anchor }
  // Notes: expected after a crash, or simply how things stand.
  | { kind: 'pending'; file: string; anchors: Anchor[] }
  | { kind: 'torn_line'; file: string }
  | { kind: 'unanchored'; chain: number | null; entries: number; newest: Anchor | null };

const NOTES = new Set<AnchorFinding['kind']>(['pending', 'torn_line', 'unanchored']);

export function isFailure(f: AnchorFinding): boolean {
  return !NOTES.has(f.kind);
}

const sameAnchor = (a: Anchor, b: Anchor) =>
  a.compoundId === b.compoundId &&
  a.entryId === b.entryId &&
  a.hash === b.hash &&
  a.at === b.at &&
  a.reason === b.reason;

/** The file against the database's table: the same anchors, line for line, none removed or added. */
function checkFile(f: AnchorFile, table: readonly Anchor[], byId: ReadonlyMap<number, Anchor>): AnchorFinding[] {
  const { file, contents } = f;
  if (!contents) return table.length > 0 ? [{ kind: 'file_missing', file }] : [];
  const findings: AnchorFinding[] = contents.unreadable.map((line) => ({ kind: 'unreadable_line', file, line }));
  const inFile = new Set<number>();
  let newest = 0;
  for (const { anchor, line } of contents.lines) {
    if (anchor.id <= newest) findings.push({ kind: 'out_of_order', file, line, anchor });
    newest = Math.max(newest, anchor.id);
    inFile.add(anchor.id);
    const database = byId.get(anchor.id);
    if (!database) findings.push({ kind: 'not_in_database', file, line, anchor });
    else if (!sameAnchor(anchor, database)) findings.push({ kind: 'differs', file, line, anchor, database });
  }
  // The file is written after the database commits, so the database may be ahead of it by the anchors
  // of the last moments before a crash (they are appended at the next start); never the other way.
  const pending: Anchor[] = [];
  for (const a of table) {
    if (a.id > newest) pending.push(a);
    else if (!inFile.has(a.id)) findings.push({ kind: 'missing_from_file', file, anchor: a });
  }
  if (pending.length > 0 && f.primary) findings.push({ kind: 'pending', file, anchors: pending });
  if (contents.torn) findings.push({ kind: 'torn_line', file });
  return findings;
}

/** Every published hash against the chain as it is now. */
function checkChains(chains: ChainLinks, published: Map<string, { anchor: Anchor; sources: Source[] }>) {
  const byChain = new Map<number | null, { anchor: Anchor; sources: Source[] }[]>();
  for (const p of published.values()) {
    byChain.set(p.anchor.compoundId, [...(byChain.get(p.anchor.compoundId) ?? []), p]);
  }
  const findings: AnchorFinding[] = [];
  const chainIds = new Set([...chains.keys(), ...byChain.keys()]);
  for (const chain of chainIds) {
    const entries = chains.get(chain) ?? [];
    const hashOf = new Map(entries.map((e) => [e.id, e.hash]));
    const anchors = (byChain.get(chain) ?? []).sort((a, b) => a.anchor.entryId - b.anchor.entryId);
    const matches = (a: Anchor) => hashOf.get(a.entryId) === a.hash;
    const firstBad = anchors.find((p) => !matches(p.anchor));
    const good = anchors.filter((p) => matches(p.anchor));
    if (firstBad) {
      const bad = firstBad.anchor;
      const before = good.filter((p) => p.anchor.entryId < bad.entryId).at(-1)?.anchor ?? null;
      const after = before?.entryId ?? 0;
      const later = new Set(
        anchors.filter((p) => p.anchor.entryId > bad.entryId && !matches(p.anchor)).map((p) => p.anchor.entryId),
      );
      findings.push({
        kind: 'changed',
        chain,
        anchor: bad,
        sources: firstBad.sources,
        stillMatching: before,
        suspects: entries.filter((e) => e.id > after && e.id <= bad.entryId).map((e) => e.id),
        now: hashOf.get(bad.entryId) ?? null,
        laterAnchors: later.size,
      });
    }
    const newest = good.at(-1)?.anchor ?? null;
    const unanchored = entries.filter((e) => e.id > (newest?.entryId ?? 0)).length;
    if (!firstBad && unanchored > 0) findings.push({ kind: 'unanchored', chain, entries: unanchored, newest });
  }
  return findings;
}

/**
 * Checks the published anchors — the database's table and the anchor files — against each other and
 * against the chains. A chain rewritten and re-hashed inside the database still links up, but no
 * longer has the hash that was published for its entry: the change is reported against that anchor.
 */
export function verifyAnchors(input: {
  chains: ChainLinks;
  table: readonly Anchor[];
  files: readonly AnchorFile[];
}): AnchorFinding[] {
  const byId = new Map(input.table.map((a) => [a.id, a]));
  const findings = input.files.flatMap((f) => checkFile(f, input.table, byId));
  // Every distinct published hash, wherever it was read: a table row rewritten to match a rewritten
  // chain still leaves the file's line, which does not.
  const published = new Map<string, { anchor: Anchor; sources: Source[] }>();
  const add = (anchor: Anchor, source: Source) => {
    const key = `${anchor.compoundId}:${anchor.entryId}:${anchor.hash}`;
    const seen = published.get(key);
    if (seen) seen.sources.push(source);
    else published.set(key, { anchor, sources: [source] });
  };
  for (const a of input.table) add(a, 'database');
  for (const f of input.files)
    for (const { anchor, line } of f.contents?.lines ?? []) add(anchor, { file: f.file, line });
  return [...findings, ...checkChains(input.chains, published)];
}

export type TypedHashCheck =
  | { kind: 'match'; entries: number; digits: number }
  | { kind: 'mismatch'; now: string }
  | { kind: 'no_entry' }
  | { kind: 'broken'; at: number };

/**
 * A hash a resident kept on paper for one entry: does the chain, up to that entry, still have it?
 * The chain must also link up to there, or a matching hash would prove nothing.
 */
export function checkTypedHash(
  entries: readonly (AuditFields & { id: number; prevHash: string; hash: string })[],
  entryId: number,
  typed: string,
): TypedHashCheck {
  const upTo = entries.filter((e) => e.id <= entryId);
  const entry = upTo.at(-1);
  if (!entry || entry.id !== entryId) return { kind: 'no_entry' };
  const broken = findBrokenLink(upTo);
  if (broken !== null) return { kind: 'broken', at: broken };
  return entry.hash.startsWith(typed)
    ? { kind: 'match', entries: upTo.length, digits: typed.length }
    : { kind: 'mismatch', now: entry.hash };
}
