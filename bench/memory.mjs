#!/usr/bin/env node
/**
 * `npm run bench:memory`: the isolate memory budget of each unit of work, measured against its
 * written budget (src/config.ts `memoryBudgets`, DESIGN "Budgets").
 *
 * `wrangler dev` enforces neither the 128 MB isolate limit nor CPU limits, so a green test says
 * nothing about either. Each script in bench/memory/ starts the bench Worker, sends the largest input
 * its limit allows, samples the isolate's memory through the V8 inspector (and the workerd process's
 * peak RSS), and prints one last line `RESULT {"unit", "input", "peakMB", "budgetMB"}`. They run one
 * after another (one workerd at a time, so peaks are not mixed) and this prints them side by side.
 *
 * `node bench/memory.mjs derivative batch` runs only the named scripts.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { machine, resultsDir, root, stamp, table, writeResults } from './harness.mjs';

const dir = join(root, 'bench', 'memory');
const only = process.argv.slice(2);
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith('.mjs') && f !== 'common.mjs') // common.mjs: what the scripts share
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.mjs$/, '')))
  .sort();

/** Runs one script, echoing its output, and answers the RESULT lines it printed. */
function run(file) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(dir, file)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    const results = [];
    let pending = '';
    child.stdout.on('data', (chunk) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) {
        if (line.startsWith('RESULT ')) results.push(JSON.parse(line.slice(7)));
        else console.log(`  [${file}] ${line}`);
      }
    });
    child.on('close', (code) => resolve({ file, code, results }));
  });
}

const at = stamp();
const rows = [];
let failed = false;
console.log(`bench:memory on ${JSON.stringify(machine())}`);
for (const file of scripts) {
  console.log(`\n== ${file}`);
  const { code, results } = await run(file);
  if (code !== 0 || results.length === 0) {
    failed = true;
    rows.push([file, '(failed)', '-', '-', '-']);
    continue;
  }
  for (const r of results) {
    const verdict = r.peakMB <= r.budgetMB ? 'within' : 'OVER';
    if (verdict === 'OVER') failed = true;
    rows.push([r.unit, r.input, String(r.peakMB), String(r.budgetMB), verdict]);
  }
}

console.log('\nIsolate memory per unit of work (peak over the idle isolate, MB)\n');
console.log(table(['unit', 'largest input allowed', 'measured peak', 'budget', ''], rows));
writeResults('memory', at, { rows });
console.log(`\nresults in ${resultsDir}`);
process.exitCode = failed ? 1 : 0;
