#!/usr/bin/env node
// Fails when what the browser downloads grew more than 10% over the recorded budget
// (web/size-budget.json, gzip bytes). Run after scripts/package.mjs wrote dist/sizes.json.
// When a change is worth its bytes, raise the budget in the same commit and say why.
import { readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sizes = JSON.parse(readFileSync(join(ROOT, 'dist', 'sizes.json'), 'utf8'));
const budget = JSON.parse(readFileSync(join(ROOT, 'web', 'size-budget.json'), 'utf8'));
const SLACK = 1.1;

let failed = false;
for (const [name, limit] of Object.entries(budget.gzip)) {
  const measured = sizes[name]?.gzip;
  if (measured === undefined) {
    console.error(`check-size: ${name} is in the budget but not in dist/sizes.json`);
    failed = true;
    continue;
  }
  const allowed = Math.floor(limit * SLACK);
  const verdict = measured > allowed ? 'OVER' : 'ok';
  console.log(`check-size: ${name.padEnd(12)} ${measured} B gzip (budget ${limit}, allowed ${allowed}) ${verdict}`);
  if (measured > allowed) failed = true;
}
if (failed) {
  console.error('check-size: over budget (more than 10% above web/size-budget.json)');
  process.exit(1);
}
