/**
 * CSV / TSV records from a piece of text, RFC 4180 style: quoted fields may hold the delimiter,
 * doubled quotes and newlines; CRLF or LF line ends. Pure and resumable: it returns only complete
 * records and where the next one starts, so a chunk boundary (or a crash) never lands inside a
 * quoted newline.
 */
export interface TextRecord {
  fields: string[];
  /** Line where the record starts, counting from `firstLine`. */
  line: number;
}

export interface DelimitedPiece {
  records: TextRecord[];
  /** Characters of `text` consumed by complete records. */
  consumed: number;
  /** Line number of the first unconsumed record. */
  nextLine: number;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Fields are cut out with slices, never built a character at a time: appending one character to a
 * long string makes a rope node per character in V8, and one 8 MB quoted field then took ~240 MB of
 * heap (bench/memory/import-chunk.mjs).
 */
export function parseDelimited(text: string, delimiter: string, firstLine: number, final: boolean): DelimitedPiece {
  const records: TextRecord[] = [];
  const delim = delimiter.charCodeAt(0);
  let i = 0;
  let line = firstLine;
  let consumed = 0;
  let consumedLine = firstLine;
  const n = text.length;
  /** Index of the first delimiter, CR or LF at or after `from` (n when none). */
  const endOfRun = (from: number) => {
    let k = from;
    while (k < n) {
      const c = text.charCodeAt(k);
      if (c === delim || c === LF || c === CR) break;
      k += 1;
    }
    return k;
  };
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let complete = false;
    let j = i;
    for (;;) {
      if (j >= n) break;
      const ch = text.charCodeAt(j);
      if (ch === QUOTE && field === '') {
        // Quoted field: runs to the closing quote, across delimiters and newlines; "" is a quote.
        let k = j + 1;
        let close = -1;
        let escaped = false;
        for (;;) {
          const q = text.indexOf('"', k);
          if (q === -1) break;
          if (text.charCodeAt(q + 1) === QUOTE) {
            escaped = true;
            k = q + 2;
            continue;
          }
          close = q;
          break;
        }
        if (close === -1) break;
        const raw = text.slice(j + 1, close);
        for (let nl = raw.indexOf('\n'); nl !== -1; nl = raw.indexOf('\n', nl + 1)) line += 1;
        // Anything between the closing quote and the delimiter is kept, as lenient parsers do.
        const after = endOfRun(close + 1);
        field = (escaped ? raw.replaceAll('""', '"') : raw) + text.slice(close + 1, after);
        j = after;
        continue;
      }
      if (ch === delim) {
        fields.push(field);
        field = '';
        j += 1;
        continue;
      }
      if (ch === CR && text.charCodeAt(j + 1) === LF) {
        j += 1;
        continue;
      }
      if (ch === LF) {
        fields.push(field);
        line += 1;
        j += 1;
        complete = true;
        break;
      }
      // A run of plain characters (a lone CR included), up to the next delimiter or line end.
      const end = endOfRun(j + 1);
      field += text.slice(j, end);
      j = end;
    }
    if (!complete) {
      if (!final || j < n) break;
      // The last record of the file may lack its newline.
      fields.push(field.replace(/\r$/, ''));
      j = n;
    }
    if (!(fields.length === 1 && fields[0] === '')) records.push({ fields, line: startLine });
    i = j;
    consumed = j;
    consumedLine = line;
    if (!complete) break;
  }
  return { records, consumed, nextLine: consumedLine };
}

/** The delimiter a header line uses: tab, semicolon or comma, whichever appears most. */
export function detectDelimiter(headerLine: string): string {
  const counts = ['\t', ';', ','].map((d) => [d, headerLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}
