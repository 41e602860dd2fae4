#!/usr/bin/env node
// Turns Trunk's release build in dist/ into the three ways in (issue 7), with no dependency
// beyond Node itself:
//
//   dist/index.html        the static site, now with a strict Content-Security-Policy; its
//                          engine runs in dist/lib/parallax-worker.js (scripts/build-lib.sh)
//   dist/parallax.html     ONE file: CSS and JS glue inline, the wasm embedded (gzip + base64,
//                          unpacked by the browser's DecompressionStream), and the engine's
//                          worker and wasm embedded the same way (the worker starts from a
//                          Blob of its text); works from file://
//   dist/embed/            parallax-embed.js (the <parallax-compare> element and Parallax.mount),
//                          the wasm-bindgen glue and wasm it loads, the shadow-DOM stylesheet,
//                          and frame.html + frame.js (the same widget as an iframe)
//   dist/examples/, dist/bench/  the embed example page and the in-browser bench
//   dist/sizes.json        raw and gzip sizes of what a browser downloads, for the README and
//                          scripts/check-size.mjs
//
// Usage: node scripts/package.mjs [dist]
import { readFileSync, writeFileSync, mkdirSync, readdirSync, copyFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glueWithoutExports as strip } from './glue.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = resolve(process.argv[2] ?? join(ROOT, 'dist'));

/** Stops the build with one clear line. */
function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

/** The one file in dist/ whose name matches `pattern`. */
function one(pattern) {
  const found = readdirSync(DIST).filter((name) => pattern.test(name));
  if (found.length !== 1) fail(`expected one file matching ${pattern} in ${DIST}, found ${found.length}: ${found}`);
  return found[0];
}

/** The comparison worker and the library's wasm it runs (scripts/build-lib.sh). */
const LIB = join(DIST, 'lib');
for (const file of ['parallax-worker.js', 'parallax_bg.wasm']) {
  if (!existsSync(join(LIB, file))) fail(`missing ${join(LIB, file)}; Trunk's post_build hook (scripts/build-lib.sh) makes it`);
}

/** A CSP source expression for an inline script or style. */
function hash(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The Content-Security-Policy of a built page: nothing but its own code, no eval, no network.
 * The engine's worker comes from the page's own files ('self', through script-src), or, in the
 * single file, from a Blob the page makes of its inlined text (`blobWorker`).
 */
function policy({ scripts, styles, self, blobWorker = false }) {
  const own = self ? ["'self'"] : [];
  return [
    "default-src 'none'",
    // Compiling WebAssembly needs 'wasm-unsafe-eval'; JavaScript eval stays forbidden.
    `script-src ${[...own, ...scripts, "'wasm-unsafe-eval'"].join(' ')}`,
    ...(blobWorker ? ['worker-src blob:'] : []),
    `style-src ${[...own, ...styles].join(' ')}`,
    // The wasm itself is fetched once from the page's own origin; nothing after that.
    `connect-src ${self ? "'self'" : "'none'"}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** Puts the policy first in <head>, so it governs everything after it. */
function withPolicy(html, csp) {
  if (html.includes('Content-Security-Policy')) fail('the page already carries a Content-Security-Policy');
  return html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`);
}

/** The wasm-bindgen glue as a plain block of code: its exports removed, its init kept. */
function glueWithoutExports(glue) {
  try {
    return strip(glue);
  } catch (error) {
    fail(error.message);
  }
}

const css = one(/^main-[0-9a-f]+\.css$/);
const js = one(/^parallax-web-[0-9a-f]+\.js$/);
const wasm = one(/^parallax-web-[0-9a-f]+_bg\.wasm$/);
const cssText = readFileSync(join(DIST, css), 'utf8');
const glue = readFileSync(join(DIST, js), 'utf8');
const wasmBytes = readFileSync(join(DIST, wasm));

// 1. The static site: Trunk's index.html plus a policy that allows its one inline loader.
const indexPath = join(DIST, 'index.html');
let index = readFileSync(indexPath, 'utf8');
if (!index.includes('Content-Security-Policy')) {
  const inline = [...index.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  if (inline.length !== 1) fail(`expected Trunk's one inline loader script in index.html, found ${inline.length}`);
  index = withPolicy(index, policy({ scripts: inline.map(hash), styles: [], self: true }));
  writeFileSync(indexPath, index);
}

// 2. One self-contained file for offline use. Browsers refuse to fetch ES modules and wasm
//    from file://, so everything is inline: the stylesheet, the glue, and the wasm as base64
//    of its gzip form, unpacked by the browser's own DecompressionStream.
//    The engine's worker and wasm are embedded the same way: the page starts the worker from
//    a Blob of its text (web/src/engine.rs reads globalThis.__parallaxEngine).
const boot = `{
const unpack = (id) => {
  const packed = document.getElementById(id).textContent.trim();
  const bytes = Uint8Array.from(atob(packed), (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
};
const worker = URL.createObjectURL(new Blob([await unpack('px-engine-worker')], { type: 'text/javascript' }));
globalThis.__parallaxEngine = { worker, wasm: unpack('px-engine-wasm') };
await __wbg_init({ module_or_path: await unpack('px-wasm') });
}`;
const script = `${glueWithoutExports(glue)}\n${boot}`;
if (/<\/(script|style)/i.test(script + cssText)) fail('the glue or the stylesheet contains a closing tag; it cannot be inlined as is');
const packed = (bytes) => gzipSync(bytes, { level: 9 }).toString('base64');
const wasmText = packed(wasmBytes);
let single = readFileSync(join(ROOT, 'index.html'), 'utf8')
  .replace(/\s*<link data-trunk rel="css"[^>]*>/, `\n    <style>${cssText}</style>`)
  .replace(/\s*<link data-trunk rel="rust"[^>]*>/, '');
if (single.includes('data-trunk')) fail('index.html has a Trunk asset the single file does not know how to inline');
single = single.replace(
  '</body>',
  `  <script type="application/octet-stream" id="px-wasm">${wasmText}</script>\n` +
    `    <script type="application/octet-stream" id="px-engine-worker">${packed(readFileSync(join(LIB, 'parallax-worker.js')))}</script>\n` +
    `    <script type="application/octet-stream" id="px-engine-wasm">${packed(readFileSync(join(LIB, 'parallax_bg.wasm')))}</script>\n` +
    `    <script type="module">${script}</script>\n  </body>`,
);
single = withPolicy(single, policy({ scripts: [hash(script)], styles: [hash(cssText)], self: false, blobWorker: true }));
writeFileSync(join(DIST, 'parallax.html'), single);

// 3. The embed: the element script, the page's glue and wasm under stable names, and the
//    stylesheet rewritten for a shadow root (document-level rules become :host rules).
const embedDir = join(DIST, 'embed');
mkdirSync(embedDir, { recursive: true });
copyFileSync(join(DIST, wasm), join(embedDir, 'parallax-web_bg.wasm'));
// The engine's worker and the library's wasm it runs, next to the element script.
for (const file of ['parallax-worker.js', 'parallax_bg.wasm']) copyFileSync(join(LIB, file), join(embedDir, file));
writeFileSync(join(embedDir, 'parallax-web.js'), glue.replace(/parallax-web-[0-9a-f]+_bg\.wasm/g, 'parallax-web_bg.wasm'));
// In a shadow root, :root rules become :host rules; the theme is the host's choice
// (data-theme="dark" on the element, "auto" to follow the reader's system, light otherwise);
// narrow layouts follow the widget's own width (a container query: stacked below 600 px,
// as the page is below a 700 px window), not the window's.
// Inherited properties (colour, fonts, line height, spacing, alignment, writing mode…) would
// cross the shadow boundary from the host element, so the box inside the shadow root resets
// them all (`all: initial`; `direction` explicitly) and the page's body rule applies to that
// box; only `visibility` still follows the host, and the --px-* custom properties (which `all`
// leaves alone) stay the theming interface. `rem` would follow the host's root font size, so
// it becomes --px-rem (16px unless the host sets it).
if (!cssText.includes('@media (max-width: 700px)')) fail('main.css no longer has the 700px narrow layout the embed rewrites');
if (!/(^|\n)body \{/.test(cssText)) fail('main.css no longer has the body rule the embed applies to its box');
const shadowReset = `:host { display: block; container-type: inline-size; --px-rem: 16px; }
.px-embed { all: initial; display: block; direction: ltr; unicode-bidi: isolate; visibility: inherit; color-scheme: light; }
:host([data-theme="dark"]) .px-embed { color-scheme: dark; }
@media (prefers-color-scheme: dark) { :host([data-theme="auto"]) .px-embed { color-scheme: dark; } }`;
const shadowCss = `${shadowReset}\n${cssText}`
  .replaceAll(':root[data-theme="dark"]', ':host([data-theme="dark"])')
  .replaceAll(':root:not([data-theme])', ':host([data-theme="auto"])')
  .replaceAll(':root', ':host')
  .replace(/(^|\n)html \{/g, '$1:host {')
  .replace(/(^|\n)body \{/g, '$1.px-embed {')
  .replace(/(\d*\.?\d+)rem\b/g, 'calc($1 * var(--px-rem))')
  .replaceAll('@media (max-width: 700px)', '@container (max-width: 600px)');
writeFileSync(join(embedDir, 'parallax-embed.css'), shadowCss);
const embedSource = join(ROOT, 'web', 'embed', 'parallax-embed.js');
if (!existsSync(embedSource)) fail(`missing ${embedSource}`);
copyFileSync(embedSource, join(embedDir, 'parallax-embed.js'));
// The iframe embed: a page of its own beside the script (its CSP allows only its own files).
for (const file of ['frame.html', 'frame.js']) copyFileSync(join(ROOT, 'web', 'embed', file), join(embedDir, file));
mkdirSync(join(DIST, 'examples'), { recursive: true });
copyFileSync(join(ROOT, 'web', 'examples', 'embed.html'), join(DIST, 'examples', 'embed.html'));

// The in-browser bench page, with the sample pair it scales up.
mkdirSync(join(DIST, 'bench'), { recursive: true });
copyFileSync(join(ROOT, 'web', 'bench', 'index.html'), join(DIST, 'bench', 'index.html'));
for (const sample of ['wire.txt', 'ledger.txt']) copyFileSync(join(ROOT, 'samples', sample), join(DIST, 'bench', sample));
// The diff libraries it times beside Parallax (npm devDependencies, pinned in package-lock.json).
for (const [from, to] of [['diff-match-patch/index.js', 'diff-match-patch.js'], ['diff/dist/diff.min.js', 'jsdiff.min.js']]) {
  const file = join(ROOT, 'node_modules', from);
  if (existsSync(file)) copyFileSync(file, join(DIST, 'bench', to));
  else console.warn(`package: ${from} is not installed (npm ci); the bench runs without it`);
}

// 4. Sizes: what a browser downloads for each way in, raw and gzip.
//    gzip is GNU gzip -9 (Node's zlib compresses this wasm ~2% worse).
const size = (file) => {
  const body = readFileSync(join(DIST, file));
  return { file, raw: body.length, gzip: execFileSync('gzip', ['-9c'], { input: body, maxBuffer: 1 << 28 }).length };
};
const sizes = {
  app_wasm: size(wasm),
  app_js: size(js),
  app_css: size(css),
  app_html: size('index.html'),
  single_file: size('parallax.html'),
  embed_js: size('embed/parallax-embed.js'),
  embed_css: size('embed/parallax-embed.css'),
};
sizes.lib_wasm = size('lib/parallax_bg.wasm');
sizes.lib_js = size('lib/parallax.js');
sizes.worker_js = size('lib/parallax-worker.js');
writeFileSync(join(DIST, 'sizes.json'), `${JSON.stringify(sizes, null, 2)}\n`);
for (const [name, { raw, gzip }] of Object.entries(sizes)) {
  console.log(`package: ${name.padEnd(12)} ${String(raw).padStart(9)} B raw ${String(gzip).padStart(9)} B gzip`);
}
