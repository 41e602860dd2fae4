#!/usr/bin/env node
// Makes the comparison worker, LIB/parallax-worker.js: the data-only library's glue
// (LIB/parallax.js, exports removed, its snippets inlined) followed by web/engine/worker.js.
// One module with no imports and no import.meta: a classic worker script, so the single
// offline file can start it from a Blob of its text (browsers refuse module workers from
// file://).
//
// Usage: node scripts/worker.mjs LIB_DIR
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glueWithoutExports, withSnippets } from './glue.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const lib = resolve(process.argv[2] ?? join(ROOT, 'dist', 'lib'));
// The glue's snippets (the report's decoder, crates/parallax-wasm/src/lib.rs) inlined.
const glue = withSnippets(readFileSync(join(lib, 'parallax.js'), 'utf8'), lib);
const body = readFileSync(join(ROOT, 'web', 'engine', 'worker.js'), 'utf8');
// The glue's default wasm path (never used: the page always sends the wasm) names
// import.meta, which a classic script cannot parse.
const code = `${glueWithoutExports(glue).replaceAll('import.meta.url', 'self.location.href')}\n${body}`;
if (/\bimport\.meta\b|^\s*(import|export)\s/m.test(code)) {
  console.error('worker: the glue still has module syntax; the worker must be a classic script');
  process.exit(1);
}
writeFileSync(join(lib, 'parallax-worker.js'), code);
