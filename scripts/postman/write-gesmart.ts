/** Writes the GeSmart Postman collection (see gesmart.ts). */
import { writeFileSync } from 'node:fs';
import { GESMART_COLLECTION_PATH, gesmartCollectionText } from './gesmart';

writeFileSync(GESMART_COLLECTION_PATH, await gesmartCollectionText());
console.log(`wrote ${GESMART_COLLECTION_PATH}`);
