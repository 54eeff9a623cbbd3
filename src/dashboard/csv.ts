/**
 * CSV for spreadsheets. A cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return,
 * which some spreadsheets skip before reading a formula) is prefixed with `'`, so a value a client
 * wrote into a feed can never run as a formula in the operator's spreadsheet (OWASP "CSV Injection").
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

export function csvRow(cells: ReadonlyArray<string | number | null | undefined>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
