/** Writes the Postman collections: the canonical API's (canonical.ts) and GeSmart's (gesmart.ts). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CANONICAL_COLLECTION_PATH, canonicalCollectionText } from './canonical';
import { GESMART_COLLECTION_PATH, gesmartCollectionText } from './gesmart';

for (const [path, text] of [
  [CANONICAL_COLLECTION_PATH, await canonicalCollectionText()],
  [GESMART_COLLECTION_PATH, await gesmartCollectionText()],
] as const) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  console.log(`wrote ${path}`);
}
