/**
 * `npm run client:generate`: TypeScript types of the canonical API (openapi-typescript) from the
 * document the app serves, written to cli/api/schema.d.ts, which the CLI's typed client
 * (cli/api/typed-client.mjs, openapi-fetch) is checked against. A test fails when the file is stale.
 */
import { writeFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';
import { documentText } from './dump';

export const SCHEMA_PATH = 'cli/api/schema.d.ts';

export async function clientTypesText(): Promise<string> {
  const doc = JSON.parse(await documentText('/openapi.json'));
  const ast = await openapiTS(doc);
  return `// Generated from /openapi.json by \`npm run client:generate\`: do not edit.\n${astToString(ast)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(SCHEMA_PATH, await clientTypesText());
  console.log(`wrote ${SCHEMA_PATH}`);
}
