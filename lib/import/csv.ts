/**
 * RFC 4180 CSV reading and writing. Files come from Excel ("CSV UTF-8" adds a BOM, line ends are CRLF), or from
 * hand editing, so reading is lenient: it never throws, and it reports an unclosed quote instead of failing.
 */

export interface CsvParseResult {
  /** One entry per record; an empty line in the middle is kept as [''] so record numbers match Excel rows. */
  rows: string[][];
  /**
   * 1-based record number where a quoted field is still open at the end of the text, or null. Such a field has
   * swallowed the rest of the file, which the caller should tell the user about rather than guess around.
   */
  unterminatedQuoteRow: number | null;
}

export function parseCsvDetailed(text: string): CsvParseResult {
  const s = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let fieldQuoted = false;
  let keep = 0; // rows up to here end with a non-empty line; what follows are trailing empty lines
  let unterminatedQuoteRow: number | null = null;

  const endField = (): void => {
    row.push(field);
    field = '';
    fieldQuoted = false;
  };
  const endRow = (): void => {
    const emptyLine = row.length === 0 && field === '' && !fieldQuoted;
    endField();
    rows.push(row);
    row = [];
    if (!emptyLine) keep = rows.length;
  };

  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '"' && field === '' && !fieldQuoted) {
      // A quote opens a quoted field only at the start of a field; elsewhere it is kept as text (lenient).
      fieldQuoted = true;
      i++;
      let closed = false;
      while (i < s.length) {
        const d = s[i];
        if (d === '"') {
          if (s[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        field += d;
        i++;
      }
      if (!closed) unterminatedQuoteRow = rows.length + 1;
    } else if (c === ',') {
      endField();
      i++;
    } else if (c === '\r' || c === '\n') {
      endRow();
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (row.length > 0 || field !== '' || fieldQuoted) endRow();
  rows.length = keep;
  return { rows, unterminatedQuoteRow };
}

/** Parses CSV text into records of fields; nothing is trimmed. See parseCsvDetailed for unclosed quotes. */
export function parseCsv(text: string): string[][] {
  return parseCsvDetailed(text).rows;
}

// A leading BOM would be stripped by parseCsv, so a field starting with one must be quoted to survive.
const NEEDS_QUOTES = /[",\r\n]|^\uFEFF/;

function quoteField(field: string): string {
  return NEEDS_QUOTES.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

export interface ToCsvOptions {
  /** Prefix a UTF-8 BOM so that Excel opens the file as UTF-8 instead of the system code page (GBK in China). */
  bom?: boolean;
}

/**
 * Writes records with CRLF after each one (RFC 4180). A record that is a single empty field is written as ""
 * because an empty line would read back as a skipped line. A record with no fields cannot be represented in CSV
 * and is written as an empty line. Values are written as they are: callers exporting user-entered text to Excel
 * must neutralise formula prefixes (=, +, -, @) themselves if that matters for them.
 */
export function toCsv(rows: readonly (readonly string[])[], options: ToCsvOptions = {}): string {
  let out = options.bom === true ? '\uFEFF' : '';
  for (const row of rows) {
    out += row.length === 1 && row[0] === '' ? '""' : row.map(quoteField).join(',');
    out += '\r\n';
  }
  return out;
}
