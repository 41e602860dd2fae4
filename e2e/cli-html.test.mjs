// `parallax compare --format html` opened from disk in a real browser: both articles side by
// side, every sentence present, no network request at all.
//
// Needs the debug CLI binary: `make test` builds it first (its `cargo test --workspace` step
// builds target/debug/parallax); by hand, `cargo build -p parallax-cli`. PARALLAX_BIN or
// CARGO_TARGET_DIR point elsewhere when needed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, SHOTS, launch, screenshot } from './harness.mjs';

const BIN =
  process.env.PARALLAX_BIN ??
  join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'debug', 'parallax');
const LEFT = join(ROOT, 'samples', 'wire.txt');
const RIGHT = join(ROOT, 'samples', 'ledger.txt');

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** Runs the CLI and returns its standard output. */
function parallax(...args) {
  assert.ok(
    existsSync(BIN),
    `no parallax binary at ${BIN}: run \`cargo build -p parallax-cli\` (make test builds it)`,
  );
  return execFileSync(BIN, args, { encoding: 'utf8' });
}

test('the html report of the sample pair shows both articles side by side, offline', async () => {
  await mkdir(SHOTS, { recursive: true });
  const out = join(SHOTS, 'cli-html.html');
  parallax('compare', LEFT, RIGHT, '--format', 'html', '--out', out);
  const report = JSON.parse(parallax('compare', LEFT, RIGHT, '--format', 'json'));

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const url = pathToFileURL(out).href;
  const requests = [];
  const problems = [];
  page.on('request', (r) => {
    if (r.url() !== url) requests.push(r.url());
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  await page.goto(url, { waitUntil: 'load' });

  // The two column headings name the two files.
  assert.equal(await page.textContent('thead th[data-doc="0"]'), 'wire.txt');
  assert.equal(await page.textContent('thead th[data-doc="1"]'), 'ledger.txt');

  // One row per group of links sharing a sentence plus one per unmatched sentence (issue 15: each
  // sentence once), with the kinds of the report.
  const kinds = await page.$$eval('tr[data-link]', (rows) => rows.map((r) => r.dataset.link));
  const unmatched = report.unmatched[0].length + report.unmatched[1].length;
  assert.ok(kinds.length > unmatched && kinds.length <= report.links.length + unmatched, `rows: ${kinds}`);
  const cells = await page.$$eval('td [data-doc][data-sentence]', (els) => els.map((e) => `${e.dataset.doc}:${e.dataset.sentence}`));
  assert.equal(new Set(cells).size, cells.length, `a sentence shown twice: ${cells}`);
  assert.ok(kinds.includes('only-left') && kinds.includes('only-right'), `kinds: ${kinds}`);
  assert.ok(kinds.some((k) => !k.startsWith('only-')), `kinds: ${kinds}`);

  // Every sentence of both articles is on the page, in its own column.
  for (const [doc, document] of report.documents.entries()) {
    const shown = await page.$$eval(`td[data-doc="${doc}"] [data-doc="${doc}"][data-sentence]`, (els) => [
      ...new Set(els.map((e) => Number(e.dataset.sentence))),
    ]);
    assert.equal(shown.length, document.sentences.length, `doc ${doc}: ${shown}`);
  }

  // Side by side: the left cells sit left of the right cells, at the same height, equally wide.
  const row = page.locator('tr[data-link]:not([data-link^="only-"])').first();
  const left = await row.locator('td[data-doc="0"]').boundingBox();
  const right = await row.locator('td[data-doc="1"]').boundingBox();
  assert.ok(left.x + left.width <= right.x, `left ${JSON.stringify(left)} right ${JSON.stringify(right)}`);
  assert.equal(Math.round(left.y), Math.round(right.y));
  assert.ok(Math.abs(left.width - right.width) < 2, `widths ${left.width} ${right.width}`);

  // Changes are marked by more than colour.
  assert.equal(await page.$eval('td del', (e) => getComputedStyle(e).textDecorationLine), 'line-through');
  assert.equal(await page.$eval('td ins', (e) => getComputedStyle(e).textDecorationLine), 'underline');

  await screenshot(page, 'cli-html');
  assert.deepEqual(requests, [], 'the page made network requests');
  assert.deepEqual(problems, []);
  await context.close();
});
