/**
 * Writes the documents the app serves (/openapi.json and each dialect's) to a folder, for linters and
 * generators: `tsx scripts/openapi/dump.ts [folder]` (default `.openapi/`, gitignored).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../../src/app';

export const DOCUMENTS: Record<string, string> = {
  shelfsync: '/openapi.json',
  genera: '/compat/genera/openapi.json',
  sizebay: '/compat/sizebay/openapi.json',
  gesmart: '/compat/gesmart/openapi.json',
  tryon: '/compat/tryon/openapi.json',
  robosize: '/compat/robosize/openapi.json',
};

export async function documentText(path: string): Promise<string> {
  const res = await createApp().request(path);
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
  return `${JSON.stringify(await res.json(), null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const folder = process.argv[2] ?? '.openapi';
  mkdirSync(folder, { recursive: true });
  for (const [name, path] of Object.entries(DOCUMENTS)) writeFileSync(join(folder, `${name}.json`), await documentText(path));
  console.log(`wrote ${Object.keys(DOCUMENTS).length} documents to ${folder}/`);
}
