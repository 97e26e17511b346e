import { shanghaiMinute } from '../time';
import type { Anchor } from './anchors';
import type { AnchorFinding, Source } from './verify-anchors';

/** How `npm run audit:verify` names a chain: "合和大院 (#1)", or the district's administration chain. */
export type ChainName = (compoundId: number | null) => string;

/** "the anchor of 2026-11-30 08:00 (daily)": Shanghai time, as the notice board printed it. */
export function anchorLabel(a: Anchor): string {
  return `the anchor of ${shanghaiMinute(a.at).replace('T', ' ')} (${a.reason.replace('_', ' ')})`;
}

function sourceLabel(s: Source): string {
  return s === 'database' ? 'database' : `${s.file}:${s.line}`;
}

function range(ids: readonly number[]): string {
  const first = ids[0];
  const last = ids.at(-1);
  if (first === undefined || last === undefined) return 'no entries';
  if (ids.length === 1) return `entry ${first}`;
  return `one or more of the ${ids.length} entries ${first}–${last}`;
}

function changed(f: Extract<AnchorFinding, { kind: 'changed' }>, name: ChainName): string {
  const where = `chain ${name(f.chain)}`;
  const what =
    f.now === null
      ? `entry ${f.anchor.entryId} is gone (${range(f.suspects)} remain up to it) since ${anchorLabel(f.anchor)}`
      : `${range(f.suspects)} changed after ${anchorLabel(f.anchor)}`;
  const lines = [`${where}: ${what}`];
  lines.push(
    `    published hash ${f.anchor.hash} for entry ${f.anchor.entryId} (${f.sources.map(sourceLabel).join(', ')})`,
  );
  if (f.now !== null) lines.push(`    the chain now has ${f.now}`);
  lines.push(
    f.stillMatching
      ? `    ${anchorLabel(f.stillMatching)} (entry ${f.stillMatching.entryId}) still matches: the change is after it`
      : '    no earlier anchor of this chain matches: the change may be anywhere up to this entry',
  );
  if (f.laterAnchors > 0) lines.push(`    ${f.laterAnchors} later anchor(s) of this chain no longer match either`);
  return lines.join('\n');
}

/** One finding as a line (or a few) of the command's output. */
export function describeFinding(f: AnchorFinding, name: ChainName): string {
  switch (f.kind) {
    case 'changed':
      return changed(f, name);
    case 'file_missing':
      return `anchor file ${f.file} is missing while the database holds anchors: put back the copy from the latest backup`;
    case 'unreadable_line':
      return `${f.file}:${f.line}: not an anchor line (the file was edited)`;
    case 'out_of_order':
      return `${f.file}:${f.line}: anchor ${f.anchor.id} is out of order (the file was edited)`;
    case 'not_in_database':
      return `${f.file}:${f.line}: anchor ${f.anchor.id} (chain ${name(f.anchor.compoundId)}, entry ${f.anchor.entryId}) is missing from the database`;
    case 'differs':
      return `${f.file}:${f.line}: anchor ${f.anchor.id} differs from the database's (file: entry ${f.anchor.entryId} ${f.anchor.hash}; database: entry ${f.database.entryId} ${f.database.hash})`;
    case 'missing_from_file':
      return `${f.file}: anchor ${f.anchor.id} (chain ${name(f.anchor.compoundId)}, entry ${f.anchor.entryId}) is in the database but was removed from the file`;
    case 'pending': {
      const first = f.anchors[0];
      const since = first ? ` (since ${anchorLabel(first)})` : '';
      return `${f.file}: ${f.anchors.length} newest anchor(s) not yet in the file${since}; the server appends them after each commit and at start, so this is expected only just after a crash`;
    }
    case 'torn_line':
      return `${f.file}: the last line is incomplete (a write cut short by a crash); the server rewrites it at its next start`;
    case 'unanchored':
      return `chain ${name(f.chain)}: ${f.entries} entries after ${f.newest ? `${anchorLabel(f.newest)} (entry ${f.newest.entryId})` : 'the start'} are not anchored yet`;
  }
}
