// One input edge: a UTF-16 file and a Windows-1252 file give the page exactly the text the
// command line reads from the same bytes (both call parallax::input::load).
//
// Needs the debug CLI binary, as cli-html.test.mjs does (`make test` builds it first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, openPage, screenshot, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();

const BIN =
  process.env.PARALLAX_BIN ??
  join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'debug', 'parallax');

// Our own text, with characters that differ between the encodings.
const TEXT = 'Café owners cheered as the “new” bridge opened. Crowds stayed until 9 p.m.';

/** The sentences `parallax segment` reads from `bytes` saved as `name`, joined by a space. */
function cliText(name, bytes, ...flags) {
  assert.ok(existsSync(BIN), `no parallax binary at ${BIN}: run \`cargo build -p parallax-cli\``);
  const dir = mkdtempSync(join(tmpdir(), 'parallax-enc-'));
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const out = JSON.parse(execFileSync(BIN, ['segment', path, ...flags], { encoding: 'utf8' }));
  return out.sentences.map((s) => s.text).join(' ');
}

const textOf = (page, side) => page.$eval(`#px-text-${side}`, (t) => t.value);

function utf16le(text) {
  const body = Buffer.from(text, 'utf16le');
  return Buffer.concat([Buffer.from([0xff, 0xfe]), body]);
}

function windows1252(text) {
  const map = { '“': 0x93, '”': 0x94, 'é': 0xe9 };
  return Buffer.from([...text].map((c) => map[c] ?? c.charCodeAt(0)));
}

test('a UTF-16 file opens in the page with the text the CLI reads', async () => {
  const bytes = utf16le(TEXT);
  assert.equal(cliText('wide.txt', bytes), TEXT);
  const { page, context, problems } = await openPage(env.browser, env.server.url);
  await page.waitForSelector('[data-link]');
  await page.setInputFiles('#px-file-left', { name: 'wide.txt', mimeType: 'text/plain', buffer: bytes });
  await page.waitForFunction(() => document.querySelector('#px-name-left').value === 'wide');
  assert.equal(await textOf(page, 'left'), TEXT);
  assert.match(await page.$eval('[data-side="left"] .px-message', (m) => m.textContent), /read as UTF-16LE/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a Windows-1252 file is refused as the CLI refuses it, then read as Windows-1252 on request', async () => {
  const bytes = windows1252(TEXT);
  assert.equal(cliText('old.txt', bytes, '--encoding', 'windows-1252'), TEXT);
  const { page, context, problems } = await openPage(env.browser, env.server.url);
  await page.waitForSelector('[data-link]');
  const before = await textOf(page, 'right');
  await page.setInputFiles('#px-file-right', { name: 'old.txt', mimeType: 'text/plain', buffer: bytes });
  await page.waitForSelector('[data-side="right"] [data-action="windows-1252"]');
  assert.match(await page.$eval('[data-side="right"] .px-message', (m) => m.textContent), /not UTF-8 text \(byte 3\)/);
  assert.equal(await textOf(page, 'right'), before, 'a refused file leaves the text box alone');
  await screenshot(page, 'encoding-refused');
  await page.click('[data-side="right"] [data-action="windows-1252"]');
  await page.waitForFunction(() => document.querySelector('#px-name-right').value === 'old');
  assert.equal(await textOf(page, 'right'), TEXT);
  assert.match(await page.$eval('[data-side="right"] .px-message', (m) => m.textContent), /read as Windows-1252/);
  assert.deepEqual(problems, []);
  await context.close();
});
