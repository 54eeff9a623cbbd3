// Pure helpers of the CLI: content types by format, and the end-of-import summary.
const TYPES = { csv: 'text/csv', tsv: 'text/tab-separated-values', jsonl: 'application/x-ndjson', xml: 'application/xml' };

export function importContentType(format) {
  return TYPES[format];
}

export function summarize(state, errors) {
  const lines = [
    `${state.status}: ${state.rows.done} of ${state.rows.total} rows imported, ${state.rows.failed} failed` +
      (state.rowsPerSecond ? ` (${state.rowsPerSecond} rows/s)` : ''),
  ];
  if (state.note) lines.push(state.note);
  for (const error of errors) {
    lines.push(`  line ${error.line ?? '?'}${error.itemId ? ` (${error.itemId})` : ''}: ${error.errors.map((e) => `${e.path || '(row)'} ${e.message}`).join('; ')}`);
  }
  if (state.rows.failed > errors.length) lines.push(`  ... and ${state.rows.failed - errors.length} more: shelfsync status ${state.jobId}, or GET /v1/jobs/${state.jobId}/errors`);
  return lines.join('\n');
}
