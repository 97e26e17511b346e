/**
 * Names and mobiles as shown to people who may not see them whole: on a printed activation letter, and to anyone
 * but staff within reach and the person themself (the issue). Pure.
 */

// Parts of a name are kept apart by spaces or middle dots ("阿卜杜·热合曼"); those stay as they are.
const SEPARATOR = /^[\s\u00B7\u0387\u2022\u2027\u2219\u22C5\u30FB\uFF65]$/u;

/**
 * The first and the last character kept, every other letter a '*': 王秋萍 → 王*萍, 欧阳晓明 → 欧**明,
 * 阿卜杜·热合曼 → 阿**·**曼. A two-character name keeps only its first (曲晶 → 曲*), a one-character one nothing:
 * never more than two characters, never a whole name. Counted in characters, not UTF-16 units (rare characters such as 𠮷
 * are two units).
 */
export function maskName(name: string): string {
  const chars = [...name.normalize('NFC').trim()];
  const letters = chars.filter((ch) => !SEPARATOR.test(ch)).length;
  let seen = 0;
  return chars
    .map((ch) => {
      if (SEPARATOR.test(ch)) return ch;
      seen++;
      const shown = seen === 1 ? letters > 1 : seen === letters && letters > 2;
      return shown ? ch : '*';
    })
    .join('');
}

/**
 * 13800000004 → 138****0004: the first three digits (the carrier's prefix) and the last four, as Chinese services
 * show a mobile. Spaces and dashes are dropped and a +86 / 86 prefix set aside first. Anything with fewer than
 * eight digits is hidden whole.
 */
export function maskMobile(mobile: string): string {
  let digits = mobile.normalize('NFKC').replace(/[\s\-()]/g, '');
  const national = /^(?:\+?86)(1\d{10})$/.exec(digits);
  if (national?.[1]) digits = national[1];
  if (digits.length < 8) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}
