#!/usr/bin/env node
// Run before start/test/bench: creates .dev.vars from the committed example when missing, and copies
// Swagger UI's files into public/ (the Worker's static assets) so /docs works offline.
import { appendFileSync, copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

if (!existsSync(join(root, '.dev.vars'))) {
  copyFileSync(join(root, '.dev.vars.example'), join(root, '.dev.vars'));
  console.log('setup: created .dev.vars from .dev.vars.example');
} else if (!/^SECRETS_KEYS=/m.test(readFileSync(join(root, '.dev.vars'), 'utf8'))) {
  // A .dev.vars from before secrets were encrypted at rest: without a key those routes answer 503.
  const line = readFileSync(join(root, '.dev.vars.example'), 'utf8').match(/^SECRETS_KEYS=.*$/m);
  if (line) {
    appendFileSync(join(root, '.dev.vars'), `\n${line[0]}\n`);
    console.log('setup: added the development SECRETS_KEYS to .dev.vars');
  }
}

const require = createRequire(import.meta.url);
const swaggerDir = dirname(require.resolve('swagger-ui-dist/package.json'));
const target = join(root, 'public', 'swagger-ui');
mkdirSync(target, { recursive: true });
// Copy only what differs: a running `wrangler dev` watches public/ and restarts on any write (local
// queues lose their messages then), so re-running setup must not touch unchanged files.
for (const file of ['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png']) {
  const from = join(swaggerDir, file);
  const to = join(target, file);
  if (!existsSync(to) || !readFileSync(from).equals(readFileSync(to))) copyFileSync(from, to);
}
