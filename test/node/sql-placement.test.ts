/**
 * One typed data layer (ARCHITECTURE.md, "Data access"): every SQL statement lives in a module's
 * `*.queries.ts`, beside the one row type each statement returns, so routes, consumers and
 * dialects only call functions that take a database handle. dependency-cruiser sees imports, not
 * file contents, so this reads the sources instead: a string literal that starts a SQL statement
 * outside a queries file fails here, and so does a D1 result forced to a type with `as unknown as`.
 *
 * EXCEPTIONS are files that keep SQL on purpose (with the reason in the file); PENDING lists files
 * whose SQL is still being moved into their module's queries file: the list only ever shrinks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const src = join(root, 'src');

/** The measured write path: statements assembled from json_each over one bound JSON array (see the file). */
const EXCEPTIONS = new Set(['src/catalog/write/statements.ts']);

/** Files whose remaining SQL (reads and writes of their own module besides events, jobs and status) is still to move. */
const PENDING = new Set([
  'src/catalog/write/delete-product.ts',
  'src/catalog/write/rename-product.ts',
  'src/images/consumers.ts',
  'src/images/ingest.ts',
  'src/imports/process-import.ts',
  'src/imports/replace.ts',
  'src/inbound/apply-inbound.ts',
  'src/inbound/receive.ts',
  'src/jobs/jobs.repository.ts',
]);

/** A quote (or a template's start), optional whitespace, then the first words of a statement. */
const TABLE = String.raw`(?:\w+|\$\{[^}]+\})`;
const SQL_LITERAL = new RegExp(
  String.raw`['"\`]\s*(?:SELECT\s[^'"\`;]*?\bFROM\b|INSERT\s+(?:OR\s+\w+\s+)?INTO\b|UPDATE\s+${TABLE}\s+SET\b|DELETE\s+FROM\b|WITH\s+\w+(?:\s*\([^)]*\))?\s+AS\s*\()`,
  'i',
);
/** A hand-written row type (a drizzle `$inferSelect` is the schema's own and may live anywhere). */
const ROW_TYPE = /^(?:export\s+)?(?:interface\s+\w*Row\b|type\s+\w*Row\b(?![^;]*\$inferSelect))/m;
const FORCED_RESULT = /\.results\)?\s+as\s+unknown\s+as\b/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [relative(root, path).split('\\').join('/')] : [];
  });
}

/** Comments may quote SQL to explain it; only code counts. (`://` in a URL is not a comment.) */
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

const files = sources(src).map((file) => ({ file, text: withoutComments(readFileSync(join(root, file), 'utf8')) }));

describe('SQL lives in *.queries.ts', () => {
  it('finds SQL literals where they are (the check can fail)', () => {
    expect(files.filter(({ file }) => file.endsWith('.queries.ts') && SQL_LITERAL.test(readFileSync(join(root, file), 'utf8'))).length).toBeGreaterThan(0);
    expect(SQL_LITERAL.test("db.prepare('SELECT id FROM products WHERE tenant_id = ?1')")).toBe(true);
    expect(SQL_LITERAL.test('`\n  UPDATE images SET status = ?1`')).toBe(true);
    expect(SQL_LITERAL.test('`UPDATE ${table} SET secret = ?1`')).toBe(true);
    expect(SQL_LITERAL.test("`${insert} select ${values} where (select count(*) from t)`")).toBe(false);
    expect(SQL_LITERAL.test("const message = 'too many terms in compound SELECT';")).toBe(false);
  });

  it('no file outside a queries file holds a SQL statement', () => {
    const offenders = files
      .filter(({ file }) => !file.endsWith('.queries.ts') && !EXCEPTIONS.has(file) && !PENDING.has(file))
      .filter(({ text }) => SQL_LITERAL.test(text))
      .map(({ file }) => file);
    expect(offenders).toEqual([]);
  });

  it('no D1 result is forced to a type with `as unknown as`', () => {
    const offenders = files.filter(({ file, text }) => !PENDING.has(file) && FORCED_RESULT.test(text)).map(({ file }) => file);
    expect(offenders).toEqual([]);
  });

  it('row types are declared beside their statement (or come from the drizzle schema)', () => {
    const offenders = files
      .filter(({ file, text }) => !file.endsWith('.queries.ts') && !EXCEPTIONS.has(file) && !PENDING.has(file) && ROW_TYPE.test(text))
      .map(({ file }) => file);
    expect(offenders).toEqual([]);
  });

  it('every pending file still holds SQL (drop it from the list once it does not)', () => {
    const done = files.filter(({ file, text }) => PENDING.has(file) && !SQL_LITERAL.test(text)).map(({ file }) => file);
    expect(done).toEqual([]);
  });
});
