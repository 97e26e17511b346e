/**
 * What a person may type into free text, and how it is normalised. Pure functions; the zod building blocks in
 * common.ts and the CSV import (lib/import/units-csv-fields.ts) both use them, so one rule holds everywhere.
 *
 * Why: a name such as "王秋萍\u200B" looks exactly like the branch secretary's and compares differently; a
 * U+202E in a title reverses what follows it on screen; NUL cuts text short in other software. None of these is
 * ever typed on purpose.
 */

/** A single-line field (a title, a reason), several lines (a comment, minutes), or a person's or place's name. */
export type TextKind = 'line' | 'lines' | 'name';

/*
 * Refused, in every kind of field:
 *  - Cc, control characters: C0 (NUL…U+001F), DEL, C1 (U+0080–U+009F). A field of several lines keeps \n and \t
 *    (CR LF and a lone CR become \n first: browsers send a textarea's line breaks as CR LF); tabs and line breaks
 *    at either end of any field are trimmed as white space before the check.
 *  - Cf, format characters, all invisible: soft hyphen U+00AD, U+061C and the Arabic number signs, Mongolian
 *    vowel separator U+180E, zero width space / non-joiner / joiner and LRM / RLM U+200B–U+200F, bidi embeddings
 *    and overrides U+202A–U+202E, word joiner and invisible operators U+2060–U+2064, bidi isolates
 *    U+2066–U+2069, U+206A–U+206F, BOM / zero width no-break space U+FEFF, interlinear annotation
 *    U+FFF9–U+FFFB, tag characters U+E0001, U+E0020–U+E007F.
 *  - Cs, lone surrogates: broken UTF-16 that cannot be stored as UTF-8.
 *  - Zl, Zp: U+2028 and U+2029, line breaks that single-line layouts and CSV readers do not expect.
 *  - The Hangul fillers U+115F, U+1160, U+3164, U+FFA0: letters that draw nothing, the usual "blank name" trick.
 * One exception outside names: U+200D (zero width joiner) between two emoji, which is how 🤷‍♀️ and 👨‍👩‍👧 are
 * spelled and shows as one visible emoji.
 * Kept: private use (Co: some rare characters in Chinese names exist only in private-use fonts), unassigned code
 * points (Cn: they depend on the Unicode version of the reader), variation selectors (emoji and ideographic
 * variants), and every kind of space, U+3000 included.
 */
const INVISIBLE = String.raw`\p{Cf}\p{Cs}\p{Zl}\p{Zp}\u115F\u1160\u3164\uFFA0`;
const ONE_LINE = new RegExp(`[\\p{Cc}${INVISIBLE}]`, 'u');
const REFUSED: Record<TextKind, RegExp> = {
  name: ONE_LINE,
  line: ONE_LINE,
  lines: new RegExp(`[\\0-\\x08\\x0B-\\x1F\\x7F-\\x9F${INVISIBLE}]`, 'u'),
};
const REFUSED_ANYWHERE = new RegExp(`[\\p{Cc}${INVISIBLE}]`, 'gu');
const EMOJI_JOINER = /(?<=\p{Extended_Pictographic}[\uFE0F\u{1F3FB}-\u{1F3FF}]?)\u200D(?=\p{Extended_Pictographic})/gu;

// Every Zs character is in the BMP, so one UTF-16 unit at a time is enough.
const SPACE = /^[\t\n\r\p{Zs}]$/u;

/** A loop, not /^\s+|\s+$/: that regex takes quadratic time on a long run of spaces inside a text. */
function trimSpace(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && SPACE.test(s.charAt(start))) start++;
  while (end > start && SPACE.test(s.charAt(end - 1))) end--;
  return s.slice(start, end);
}

/**
 * NFC (so "é" typed as e + U+0301 and as U+00E9 are one text, and CJK compatibility ideographs become the
 * unified ones), line breaks as \n in a field of several lines, and white space trimmed at both ends: spaces of
 * every width, tabs and line breaks (a name pasted from a spreadsheet often ends in one). Not trimmed, unlike
 * String.trim(): U+FEFF and U+2028/U+2029, which are refused wherever they stand.
 */
export function normaliseText(s: string, kind: TextKind): string {
  const nfc = s.normalize('NFC');
  return trimSpace(kind === 'lines' ? nfc.replace(/\r\n?/g, '\n') : nfc);
}

/** The first refused code point of an already normalised text, or null when there is none. */
export function findRefused(s: string, kind: TextKind): string | null {
  const checked = kind === 'name' ? s : s.replace(EMOJI_JOINER, '');
  return REFUSED[kind].exec(checked)?.[0] ?? null;
}

/** "U+200B": how a refused character is named to a person, since it cannot be shown. */
export function codePointLabel(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A name with each refused character shown as "[U+200B]", so a report can point at what nobody can see. */
export function revealRefused(s: string): string {
  return s.replace(REFUSED_ANYWHERE, (ch) => `[${codePointLabel(ch)}]`);
}

/**
 * A search box's text: nothing is refused, the text is simply cleaned — NFC, every run of white space one space,
 * refused characters dropped, trimmed — and cut to `max` characters.
 */
export function cleanSearch(s: string, max: number): string {
  const cleaned = s.normalize('NFC').replace(/\s+/g, ' ').replace(REFUSED_ANYWHERE, '').trim();
  return [...cleaned].slice(0, max).join('').trim();
}

// Middle dots used between the parts of transliterated names ("阿卜杜·热合曼"); people type whichever their
// keyboard offers.
const NAME_DOTS = /[\u00B7\u0387\u2022\u2027\u2219\u22C5\u30FB\uFF65]/g;

/**
 * The key under which two names read as the same name: compare names by it, never store or show it. NFKC
 * (full-width letters and Kangxi radicals become the ordinary characters: "⼈" U+2F08 reads as "人"), refused
 * characters and all white space dropped, one kind of middle dot, lower case. So "王秋萍", "王秋萍\u200B",
 * "王 秋萍" and "王\u3000秋萍" share a key. Look-alikes across scripts (Latin "a", Cyrillic "а") and
 * similar-looking but different characters (王 and 玊) are not caught: that needs Unicode's confusables data.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(REFUSED_ANYWHERE, '')
    .replace(/\s+/g, '')
    .replace(NAME_DOTS, '·')
    .toLowerCase()
    .normalize('NFKC');
}
