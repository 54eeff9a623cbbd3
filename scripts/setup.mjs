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
} else {
  // A .dev.vars from an older version lacks settings added since (without SECRETS_KEYS the routes that
  // hold secrets answer 503; without ALLOW_TARGET_PORTS loopback receivers on other ports are refused):
  // add the example's line for each missing one, never touching what is there.
  const current = readFileSync(join(root, '.dev.vars'), 'utf8');
  const example = readFileSync(join(root, '.dev.vars.example'), 'utf8');
  for (const name of ['SECRETS_KEYS', 'ALLOW_TARGET_PORTS']) {
    const line = example.match(new RegExp(`^${name}=.*$`, 'm'));
    if (line && !new RegExp(`^${name}=`, 'm').test(current)) {
      appendFileSync(join(root, '.dev.vars'), `\n${line[0]}\n`);
      console.log(`setup: added the development ${name} to .dev.vars`);
    }
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
