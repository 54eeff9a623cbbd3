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

export function parseDelimited(text: string, delimiter: string, firstLine: number, final: boolean): DelimitedPiece {
  const records: TextRecord[] = [];
  let i = 0;
  let line = firstLine;
  let consumed = 0;
  let consumedLine = firstLine;
  const n = text.length;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let complete = false;
    let j = i;
    for (;;) {
      if (j >= n) break;
      const ch = text[j]!;
      if (ch === '"' && field === '') {
        // Quoted field: runs to the closing quote, across delimiters and newlines.
        let k = j + 1;
        let value = '';
        let closed = false;
        while (k < n) {
          const c = text[k]!;
          if (c === '"') {
            if (text[k + 1] === '"') {
              value += '"';
              k += 2;
              continue;
            }
            closed = true;
            k += 1;
            break;
          }
          if (c === '\n') line += 1;
          value += c;
          k += 1;
        }
        if (!closed) break;
        field = value;
        j = k;
        // Anything between the closing quote and the delimiter is kept, as lenient parsers do.
        while (j < n && text[j] !== delimiter && text[j] !== '\n' && text[j] !== '\r') field += text[j++];
        continue;
      }
      if (ch === delimiter) {
        fields.push(field);
        field = '';
        j += 1;
        continue;
      }
      if (ch === '\r' && text[j + 1] === '\n') {
        j += 1;
        continue;
      }
      if (ch === '\n') {
        fields.push(field);
        line += 1;
        j += 1;
        complete = true;
        break;
      }
      field += ch;
      j += 1;
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
