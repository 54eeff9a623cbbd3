/**
 * Structured logs: one JSON object per line on the console, which Workers Logs indexes field by field
 * (`[observability]` in wrangler.toml) and `wrangler dev` prints as is. Callers pass chosen fields,
 * never a request's headers or query; as a second guard, a field whose NAME says it holds a credential
 * is written as "[redacted]" whatever its value.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** `LOG_LEVEL` as the deployment sets it; anything else (or unset) is `info`. */
export function logLevelOf(value: string | undefined): LogLevel {
  return value === 'debug' || value === 'info' || value === 'warn' || value === 'error' ? value : 'info';
}

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

/**
 * Writes one line: `{"level": ..., "type": ..., ...fields}`; errors and warnings on stderr. Lines
 * below `threshold` (the deployment's LOG_LEVEL) are not written at all.
 */
export function log(level: LogLevel, type: string, fields: Record<string, unknown>, threshold: LogLevel = 'info'): void {
  if (RANK[level] < RANK[threshold]) return;
  const line = JSON.stringify({ level, type, ...logFields(fields) });
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
}
