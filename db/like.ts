/** Escapes LIKE's wildcards in user text; use with `escape '\'` in the query. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
