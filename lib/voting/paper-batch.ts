import { checkChoice } from './rules';

/**
 * Paper ballots typed in as a list, one per line, the way the owners' committee reads them off a
 * stack of ballots: "<serial> <unit> <choice>", e.g. "HH-001 3号楼1单元301 同意", or for an election
 * "HH-001 3号楼1单元301 张三、李四". Columns are separated by spaces, tabs or commas; several choices by
 * "、" or "/". Every line is checked before anything is entered: one bad line enters nothing and every
 * bad line is reported with its number, like the register's CSV import.
 */
export interface PaperEntry {
  line: number;
  serial: string;
  voterKey: string;
  choice: string[];
}

export interface PaperLineError {
  line: number;
  /** A key under `errors` in messages/*.json. */
  key: string;
  values: Record<string, string | number>;
}

export interface PaperBatchLookup {
  /** A unit as written ("3号楼1单元301") → the voter key of the holder it belongs to. */
  places: ReadonlyMap<string, string>;
  /** An option's label in any language ("同意", "Agree", a candidate's name) → its key. */
  labels: ReadonlyMap<string, string>;
  options: readonly { key: string }[];
  mode: 'single' | 'multiple';
  maxMarks: number | null;
  /** Holders that already have a ballot: a paper ballot cannot be added for them. */
  taken: ReadonlySet<string>;
}

/** The most lines one batch may carry: a compound's stack, not a district's. */
export const MAX_PAPER_LINES = 2000;
const MAX_SERIAL = 30;

function labelKey(labels: ReadonlyMap<string, string>, word: string): string | undefined {
  return labels.get(word) ?? labels.get(word.toLowerCase());
}

/** One line: null when blank, an error, or the entry (then its holder and serial are remembered). */
function readLine(
  raw: string,
  line: number,
  lookup: PaperBatchLookup,
  seenHolders: Map<string, number>,
  seenSerials: Map<string, number>,
): PaperEntry | PaperLineError | null {
  const cols = raw
    .trim()
    .split(/[\s,，;；]+/)
    .filter(Boolean);
  if (cols.length === 0) return null;
  const fail = (key: string, values: Record<string, string | number> = {}): PaperLineError => ({
    line,
    key,
    values: { line, ...values },
  });
  const [serial, place, ...rest] = cols;
  if (!serial || !place || rest.length === 0) return fail('paperLineFormat');
  if (serial.length > MAX_SERIAL) return fail('paperSerialTooLong', { max: MAX_SERIAL });
  const voterKey = lookup.places.get(place);
  if (!voterKey) return fail('paperUnknownUnit', { place });
  if (lookup.taken.has(voterKey)) return fail('paperHolderHasBallot', { place });
  const keys: string[] = [];
  for (const word of rest.flatMap((w) => w.split(/[、/]/)).filter(Boolean)) {
    const key = labelKey(lookup.labels, word);
    if (!key) return fail('paperUnknownChoice', { choice: word });
    keys.push(key);
  }
  const checked = checkChoice(keys, lookup.options, lookup.mode, lookup.maxMarks);
  if (!checked.ok) return fail(checked.error, {});
  const sameHolder = seenHolders.get(voterKey);
  if (sameHolder !== undefined) return fail('paperDuplicateHolder', { place, other: sameHolder });
  const sameSerial = seenSerials.get(serial);
  if (sameSerial !== undefined) return fail('paperDuplicateSerial', { serial, other: sameSerial });
  seenHolders.set(voterKey, line);
  seenSerials.set(serial, line);
  return { line, serial, voterKey, choice: checked.keys };
}

export function parsePaperBatch(
  text: string,
  lookup: PaperBatchLookup,
): { ok: true; entries: PaperEntry[] } | { ok: false; errors: PaperLineError[] } {
  const entries: PaperEntry[] = [];
  const errors: PaperLineError[] = [];
  const seenHolders = new Map<string, number>();
  const seenSerials = new Map<string, number>();
  const lines = text.split('\n');
  if (lines.filter((l) => l.trim()).length > MAX_PAPER_LINES) {
    return { ok: false, errors: [{ line: 0, key: 'paperTooManyLines', values: { max: MAX_PAPER_LINES } }] };
  }
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    const read = readLine(lines[i] ?? '', line, lookup, seenHolders, seenSerials);
    if (read === null) continue;
    if ('key' in read) errors.push(read);
    else entries.push(read);
  }
  if (errors.length > 0) return { ok: false, errors };
  if (entries.length === 0) return { ok: false, errors: [{ line: 0, key: 'paperNoLines', values: {} }] };
  return { ok: true, entries };
}
