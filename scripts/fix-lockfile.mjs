#!/usr/bin/env node
// Adds placeholder lockfile entries for platform-specific optional packages the registry here does
// not carry (recent darwin/windows workerd builds). `npm install` silently leaves them out of
// package-lock.json and `npm ci` then refuses the lockfile ("Missing: ... from lock file").
// The placeholders name the package's os/cpu, so npm on Linux never tries to download them and npm
// on macOS/Windows resolves them from the real registry. Run after every lockfile change
// (`npm run lockfile:fix`).
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;

const platformOf = (name) => {
  const os = /darwin/.test(name) ? 'darwin' : /win(dows|32)/.test(name) ? 'win32' : /linux/.test(name) ? 'linux' : null;
  const cpu = /arm64/.test(name) ? 'arm64' : /(x64|-64)$/.test(name) ? 'x64' : null;
  return { os, cpu };
};

let added = 0;
for (const [key, entry] of Object.entries(packages)) {
  for (const [dep, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${key}/node_modules/${dep}`;
    const hoisted = `node_modules/${dep}`;
    if (packages[nested] || packages[hoisted]) continue;
    const { os, cpu } = platformOf(dep);
    if (!os || os === 'linux') continue; // only fill in platforms this machine cannot install anyway
    packages[hoisted] = {
      version: spec.replace(/^[\^~=]/, ''),
      ...(cpu ? { cpu: [cpu] } : {}),
      ...(entry.dev ? { dev: true } : {}),
      license: entry.license,
      optional: true,
      os: [os],
    };
    added += 1;
  }
}

const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
lock.packages = sorted;
writeFileSync(path, JSON.stringify(lock, null, 2) + '\n');
console.log(`fix-lockfile: ${added} placeholder platform entr${added === 1 ? 'y' : 'ies'} added`);
