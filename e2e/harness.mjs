// Shared helpers for the browser tests: a static server for dist/ on 127.0.0.1 and a headless
// Debian chromium driven by playwright-core (never a downloaded browser).
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// PARALLAX_DIST runs the tests against another build (e.g. an older one, to see a test fail).
export const DIST = process.env.PARALLAX_DIST ? resolve(process.env.PARALLAX_DIST) : join(ROOT, 'dist');
export const SHOTS = join(ROOT, 'target', 'e2e');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Serves `dir` on 127.0.0.1 at an ephemeral port under `prefix` (e.g. "/tools/parallax/", to
 * check relative paths), plus `extra` pages given as { "/path": html }. Every request is logged
 * in `requests`. Resolves to { url, origin, requests, close }.
 */
export async function serve(dir = DIST, { prefix = '/', extra = {} } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(pathname);
    if (pathname in extra) {
      res.writeHead(200, { 'content-type': TYPES['.html'] }).end(extra[pathname]);
      return;
    }
    if (!pathname.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    const path = normalize(`/${pathname.slice(prefix.length)}`);
    let file = join(dir, path);
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (path.endsWith('/')) file = join(file, 'index.html');
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return { url: `${origin}${prefix}`, origin, requests, close: () => new Promise((ok) => server.close(ok)) };
}

/** Launches headless Debian chromium with the flags this machine needs. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * For a test file: serves dist/ and launches chromium before its tests, closes both after.
 * Returns `{ server, browser }`, filled in when the tests run.
 */
export function useServerAndBrowser() {
  const env = {};
  before(async () => {
    env.server = await serve();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** Opens a page that fails the test on any console error or uncaught exception. */
export async function openPage(browser, url, { width = 1280, height = 900, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  await page.goto(url);
  return { page, context, problems };
}

/**
 * Saves a full-page screenshot under target/e2e/NAME.png and returns its path; `fullPage:
 * false` takes the viewport only (for pages thousands of rows long).
 */
export async function screenshot(page, name, { fullPage = true } = {}) {
  await mkdir(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/**
 * Runs axe-core inside the page (only `rules` when given) and returns its violations, each as
 * { id, impact, targets }.
 */
export async function axeViolations(page, { rules } = {}) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    // Evaluated through the devtools protocol: the pages' Content-Security-Policy (rightly)
    // refuses an injected inline <script>.
    await page.evaluate(await readFile(AXE, 'utf8'));
  }
  return page.evaluate(async (rules) => {
    const options = { resultTypes: ['violations'] };
    if (rules) options.runOnly = { type: 'rule', values: rules };
    const result = await window.axe.run(document, options);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  }, rules);
}

/**
 * Runs axe-core inside the page and returns the violations of impact "serious" or "critical",
 * each as "rule-id: target, target…" for readable failures.
 */
export async function seriousViolations(page) {
  return (await axeViolations(page))
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`);
}

/**
 * Drops a file on the element matching `selector` with a synthetic drag-and-drop: a
 * DataTransfer holding a File built in the page from `content` (a string, or an array of
 * byte values for binary content).
 */
export async function dropFile(page, selector, { name, type = '', content }) {
  await page.evaluate(
    ({ selector, name, type, content }) => {
      const target = document.querySelector(selector);
      const body = Array.isArray(content) ? new Uint8Array(content) : content;
      const data = new DataTransfer();
      data.items.add(new File([body], name, { type }));
      for (const kind of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(kind, { bubbles: true, cancelable: true, dataTransfer: data }));
      }
    },
    { selector, name, type, content },
  );
}

/** Drops several files at once on the element matching `selector` (see {@link dropFile}). */
export async function dropFiles(page, selector, files) {
  await page.evaluate(
    ({ selector, files }) => {
      const target = document.querySelector(selector);
      const data = new DataTransfer();
      for (const { name, type, content } of files) data.items.add(new File([content], name, { type: type ?? 'text/plain' }));
      for (const kind of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(kind, { bubbles: true, cancelable: true, dataTransfer: data }));
      }
    },
    { selector, files },
  );
}

/** The five articles of the many-articles tests: the sample pair and three more reports of its story. */
export async function fiveArticles() {
  const files = [
    ['samples', 'wire.txt'],
    ['samples', 'ledger.txt'],
    ['e2e/fixtures', 'radio.txt'],
    ['e2e/fixtures', 'weekly.txt'],
    ['e2e/fixtures', 'agency.txt'],
  ];
  return Promise.all(
    files.map(async ([dir, name]) => ({ name, type: 'text/plain', content: await readFile(join(ROOT, dir, name), 'utf8') })),
  );
}

/** A share fragment of any number of `{ name, text }` articles (see {@link shareFragment}). */
export function shareFragmentOf(articles) {
  const field = (s) => `${Buffer.byteLength(s)}:${s}`;
  const payload = `0.25|0|0|${articles.map(({ name, text }) => field(name) + field(text)).join('')}`;
  return `#share=1.${deflateRawSync(Buffer.from(payload), { level: 9 }).toString('base64url')}`;
}

/** Waits until the aligned view shows rows again after an edit (the page settles typing). */
export async function rowsFor(page, predicate, arg) {
  await page.waitForFunction(predicate, arg);
  return page.$$eval('[data-link]', (rows) => rows.map((r) => r.dataset.link));
}

/**
 * The fragment of a share link as the page's "Copy link" makes it (`#share=1.` + base64url of
 * deflate-raw of the payload), for articles of any size.
 */
export function shareFragment(left, right, { leftName = 'Shared left', rightName = 'Shared right' } = {}) {
  const field = (s) => `${Buffer.byteLength(s)}:${s}`;
  const payload = `0.25|0|0|${field(leftName)}${field(left)}${field(rightName)}${field(right)}`;
  return `#share=1.${deflateRawSync(Buffer.from(payload), { level: 9 }).toString('base64url')}`;
}

/**
 * A pair of long articles for the worker tests: the built-in sample pair repeated `copies`
 * times (every number in copy k shifted by k, so no two copies are identical), as the bench
 * scales it. 400 copies are ~440 KB a side and take seconds to compare.
 */
export async function largePair(copies) {
  const scaled = (text) =>
    Array.from({ length: copies }, (_, k) => text.replace(/\d+/g, (d) => String(Number(d) + k))).join('\n\n');
  const [left, right] = await Promise.all(['wire.txt', 'ledger.txt'].map((f) => readFile(join(ROOT, 'samples', f), 'utf8')));
  return [scaled(left), scaled(right)];
}

/** Sets both text boxes of the page at once (as a paste would), without typing them. */
export async function setTexts(page, left, right) {
  await page.evaluate(([left, right]) => {
    for (const [id, value] of [['#px-text-left', left], ['#px-text-right', right]]) {
      if (value === null) continue;
      const box = document.querySelector(id);
      box.value = value;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }, [left, right]);
}

/** OneStopEnglish from ../shared (evaluation use only; absent on a machine without it). */
export const OSE = join(ROOT, '..', 'shared', 'eval', 'onestopenglish', 'onestopenglish.json');

/** The words of `text`, as a reader counts them: runs between white space. */
export const wordCount = (text) => text.split(/\s+/).filter(Boolean).length;

/** One OneStopEnglish article at `level` (`adv`, `int`, `ele`) as one text. */
export const levelText = (article, level) => (article[level] ?? []).join('\n\n');

/**
 * OneStopEnglish articles in key order, repeated from the start when they run out, until their
 * advanced versions hold `words` words.
 */
export function articlesInKeyOrder(articles, words) {
  const sorted = Object.keys(articles).sort().map((k) => articles[k]);
  const picked = [];
  for (let n = 0, k = 0; n < words; k++) {
    const a = sorted[k % sorted.length];
    n += wordCount(levelText(a, 'adv'));
    picked.push(a);
  }
  return picked;
}

/** The rows and folds an aligned view has drawn (its `data-blocks` says how many it holds). */
export const DRAWN_BLOCKS = '.px-aligned .px-row:not(.px-heading), .px-aligned .px-fold';
