/**
 * What a search box's text becomes before it reaches SQL. SQLite reads an FTS5 query as a C string,
 * so a NUL ends it early and a quoted phrase is left open ("unterminated string"); other control
 * characters match nothing anyone can type. Both go, so no text can break MATCH.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** The text to search for: control characters removed, trimmed; '' when nothing is left. */
export function searchableText(q: string): string {
  return q.replace(CONTROL, '').trim();
}

/** One FTS5 phrase, quotes doubled, so user text cannot inject FTS syntax. Give it searchableText. */
export function ftsPhrase(text: string): string {
  return `"${text.replace(CONTROL, '').replaceAll('"', '""')}"`;
}
