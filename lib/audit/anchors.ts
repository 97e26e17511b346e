/**
 * Anchors: a chain's head (its newest entry's id and hash) published outside the database — on the
 * compound's notice board and in an append-only file that backups carry — so that a chain rewritten
 * and re-hashed inside the database no longer matches what was published (docs/decisions/0013-audit-anchors.md).
 */

export const ANCHOR_REASONS = ['daily', 'vote_closed', 'decision_published'] as const;
export type AnchorReason = (typeof ANCHOR_REASONS)[number];

export interface Anchor {
  /** The anchor's own number, in the order anchors were made; the file's lines follow it. */
  id: number;
  /** The chain: a compound, or null for the district's administration chain. */
  compoundId: number | null;
  /** The newest entry of the chain when it was anchored, and its hash. */
  entryId: number;
  hash: string;
  at: number;
  reason: AnchorReason;
}

const HEX64 = /^[0-9a-f]{64}$/;

/** One line of the anchor file: JSON with a fixed key order, the time also readable (ISO, UTC). */
export function anchorLine(a: Anchor): string {
  return `${JSON.stringify({
    anchor: a.id,
    compound: a.compoundId,
    entry: a.entryId,
    hash: a.hash,
    at: new Date(a.at).toISOString(),
    reason: a.reason,
  })}\n`;
}

const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

/** Reads one line back; null when it is not a well-formed anchor line. */
export function parseAnchorLine(line: string): Anchor | null {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  const at = typeof o.at === 'string' ? Date.parse(o.at) : Number.NaN;
  if (!isId(o.anchor) || !(o.compound === null || isId(o.compound)) || !isId(o.entry)) return null;
  if (typeof o.hash !== 'string' || !HEX64.test(o.hash) || !Number.isFinite(at)) return null;
  if (!ANCHOR_REASONS.includes(o.reason as AnchorReason)) return null;
  return {
    id: o.anchor,
    compoundId: o.compound,
    entryId: o.entry,
    hash: o.hash,
    at,
    reason: o.reason as AnchorReason,
  };
}

export interface AnchorFileContents {
  lines: { anchor: Anchor; line: number }[];
  /** Line numbers (from 1) that are not anchor lines: the file was edited. */
  unreadable: number[];
  /** The last line has no newline: a write cut short by a crash, not counted as an anchor. */
  torn: boolean;
}

/** Splits the anchor file's text into its anchors. */
export function readAnchorText(text: string): AnchorFileContents {
  const parts = text.split('\n');
  // Text that ends with a newline leaves one empty part after it; anything else there is a torn line.
  const last = parts.pop() ?? '';
  const contents: AnchorFileContents = { lines: [], unreadable: [], torn: last !== '' };
  parts.forEach((line, i) => {
    const anchor = parseAnchorLine(line);
    if (anchor) contents.lines.push({ anchor, line: i + 1 });
    else contents.unreadable.push(i + 1);
  });
  return contents;
}

/** The hash in groups of four, as printed, so that a person can read it out and compare it. */
export function hashGroups(hash: string): string[] {
  return hash.match(/.{1,4}/g) ?? [];
}

/** The shortest typed hash accepted: 16 hex digits (64 bits) cannot be matched by trial. */
export const MIN_TYPED_HASH = 16;

/**
 * A hash typed from paper: spaces, dashes and capitals are forgiven; null when it is not hex or
 * shorter than MIN_TYPED_HASH. A shorter prefix of the printed hash is accepted (up to 64 digits).
 */
export function normaliseTypedHash(typed: string): string | null {
  const hex = typed.toLowerCase().replace(/[\s\-_:·]/g, '');
  return /^[0-9a-f]+$/.test(hex) && hex.length >= MIN_TYPED_HASH && hex.length <= 64 ? hex : null;
}
