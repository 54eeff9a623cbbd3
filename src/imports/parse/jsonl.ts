/** JSON Lines: one record a line; complete lines only, so a chunk ends on a line boundary. Pure. */
export interface JsonLine {
  text: string;
  line: number;
}

export function splitLines(text: string, firstLine: number, final: boolean): { lines: JsonLine[]; consumed: number; nextLine: number } {
  const lines: JsonLine[] = [];
  let start = 0;
  let line = firstLine;
  for (;;) {
    const end = text.indexOf('\n', start);
    if (end === -1) {
      if (final && start < text.length) {
        const rest = text.slice(start).replace(/\r$/, '');
        if (rest.trim()) lines.push({ text: rest, line });
        return { lines, consumed: text.length, nextLine: line + 1 };
      }
      return { lines, consumed: start, nextLine: line };
    }
    const content = text.slice(start, end).replace(/\r$/, '');
    if (content.trim()) lines.push({ text: content, line });
    line += 1;
    start = end + 1;
  }
}
