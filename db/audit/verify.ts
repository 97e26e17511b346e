import fs from 'node:fs';
import { describeFinding } from '../../lib/audit/anchor-report';
import { readAnchorText } from '../../lib/audit/anchors';
import { findBrokenLink } from '../../lib/audit/hash';
import { checkTypedHash, isFailure, verifyAnchors } from '../../lib/audit/verify-anchors';
import { anchorFileOfDb } from './anchor-file';
import { allAnchors } from './anchors';
import { allAuditEntries, compoundNames } from './append';

/** What `npm run audit:verify` found: the lines it prints, and whether everything holds. */
export interface Verification {
  lines: string[];
  ok: boolean;
}

/** Up to this many chains with entries not anchored yet are named one by one. */
const SHOWN_UNANCHORED = 10;

type Entry = ReturnType<typeof allAuditEntries>[number];

function chainsOf(entries: Entry[]) {
  const chains = new Map<number | null, Entry[]>();
  for (const e of entries) {
    const chain = chains.get(e.compoundId);
    if (chain) chain.push(e);
    else chains.set(e.compoundId, [e]);
  }
  return chains;
}

function namer() {
  const names = compoundNames();
  return (id: number | null) => (id === null ? 'district administration' : `${names.get(id) ?? '?'} (#${id})`);
}

/**
 * Checks every chain's links, then every published anchor — the database's table, the installation's
 * anchor file and any older copies (`extraFiles`, e.g. from backups kept elsewhere) — against the chains.
 */
export function verifyAuditTrail(extraFiles: readonly string[] = []): Verification {
  const name = namer();
  const entries = allAuditEntries();
  const chains = chainsOf(entries);
  const lines: string[] = [];
  let broken = 0;
  for (const [compoundId, chain] of chains) {
    const bad = findBrokenLink(chain);
    if (bad !== null) broken++;
    lines.push(
      `chain ${name(compoundId)}: ${bad === null ? 'links ok' : `BROKEN at entry ${bad}`} (${chain.length} entries)`,
    );
  }
  const own = anchorFileOfDb();
  const files = [
    ...(own ? [{ file: own, primary: true }] : []),
    ...extraFiles.map((file) => ({ file, primary: false })),
  ];
  const table = allAnchors();
  const findings = verifyAnchors({
    chains,
    table,
    files: files.map((f) => ({
      ...f,
      contents: fs.existsSync(f.file) ? readAnchorText(fs.readFileSync(f.file, 'utf8')) : null,
    })),
  });
  const failures = findings.filter(isFailure);
  lines.push(`anchors: ${table.length} in the database; checked against ${files.map((f) => f.file).join(', ')}`);
  for (const f of failures) lines.push(describeFinding(f, name));
  const notes = findings.filter((x) => !isFailure(x));
  const unanchored = notes.filter((x) => x.kind === 'unanchored');
  // A district has hundreds of chains, most with the day's entries not anchored yet: one line for those.
  const summarise = unanchored.length > SHOWN_UNANCHORED;
  for (const f of summarise ? notes.filter((x) => x.kind !== 'unanchored') : notes) {
    lines.push(`note: ${describeFinding(f, name)}`);
  }
  if (summarise) {
    const entries = unanchored.reduce((n, f) => n + (f.kind === 'unanchored' ? f.entries : 0), 0);
    lines.push(`note: ${entries} entries in ${unanchored.length} chains are newer than their chain's newest anchor`);
  }
  const ok = broken === 0 && failures.length === 0;
  lines.push(
    ok
      ? `all ${chains.size} chains intact and matching their ${table.length} anchors, ${entries.length} entries`
      : `${broken} broken chain(s), ${failures.length} anchor problem(s)`,
  );
  return { lines, ok };
}

/** A hash kept from the notice board: does the chain still have it at that entry? */
export function verifyTypedHash(compoundId: number | null, entryId: number, hash: string): Verification {
  const name = namer();
  const chain = chainsOf(allAuditEntries()).get(compoundId) ?? [];
  const r = checkTypedHash(chain, entryId, hash);
  const where = `chain ${name(compoundId)}, entry ${entryId}`;
  switch (r.kind) {
    case 'match':
      return {
        ok: true,
        lines: [
          `${where}: MATCHES (${r.digits} of 64 digits compared): the ${r.entries} entries up to it are as they were when this hash was published`,
        ],
      };
    case 'mismatch':
      return { ok: false, lines: [`${where}: does NOT match: the chain now has ${r.now} there`] };
    case 'no_entry':
      return { ok: false, lines: [`${where}: no such entry in this chain`] };
    case 'broken':
      return { ok: false, lines: [`${where}: the chain is broken at entry ${r.at}, before this entry`] };
  }
}
