/**
 * Structured logs: one JSON object per line on the console, which Workers Logs indexes field by field
 * (`[observability]` in wrangler.toml) and `wrangler dev` prints as is. Callers pass chosen fields,
 * never a request's headers or query; as a second guard, a field whose NAME says it holds a credential
 * is written as "[redacted]" whatever its value.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const CREDENTIAL_NAME = /secret|token|password|authorization|signature|cookie|api_?key/i;

/** The fields as they will be written: credential-named fields redacted, undefined ones dropped. */
export function logFields(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    out[name] = CREDENTIAL_NAME.test(name) ? '[redacted]' : value;
  }
  return out;
}

/** Writes one line: `{"level": ..., "type": ..., ...fields}`; errors and warnings on stderr. */
export function log(level: LogLevel, type: string, fields: Record<string, unknown>): void {
  const line = JSON.stringify({ level, type, ...logFields(fields) });
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
}
