// Runs the in-browser bench page (dist/bench/) in headless chromium and prints its table. It
// checks that the bench works and its numbers are sane; it sets no time limit (speed targets
// live in benchmarks, not tests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, openPage, ROOT, OSE, wordCount, levelText, articlesInKeyOrder } from './harness.mjs';

const SEEDS = join(ROOT, '..', 'shared', 'samples', 'seeds');

/** The seed articles: 002 vs 004 (issue 18's pair for the ratios) and all five in one run (issue 14). */
async function seedSets() {
  if (!existsSync(SEEDS)) {
    console.error('skipped: ../shared/samples/seeds not found; no seed rows in the bench');
    return [];
  }
  const files = (await readdir(SEEDS)).sort().map((f) => join(SEEDS, f));
  const pick = (prefix) => files.find((f) => f.split('/').at(-1).startsWith(prefix));
  return [[pick('002'), pick('004')], files];
}

/** Real article pairs from ../shared (advanced vs elementary rewrite), written to temp files. */
async function realPairs() {
  if (!existsSync(OSE)) {
    console.error('skipped: ../shared/eval/onestopenglish not found; the bench runs on the sample only (no OneStopEnglish rows, no 100k-word pair)');
    return [];
  }
  const { articles } = JSON.parse(await readFile(OSE, 'utf8'));
  const byLength = Object.values(articles).sort((a, b) => levelText(b, 'adv').length - levelText(a, 'adv').length);
  const dir = await mkdtemp(join(tmpdir(), 'parallax-bench-'));
  const pairs = [
    ['ose-longest', [byLength[0]]],
    ['ose-10-longest', byLength.slice(0, 10)],
  ];
  const files = [];
  for (const [name, list] of pairs) {
    const left = join(dir, `${name}-adv.txt`);
    const right = join(dir, `${name}-ele.txt`);
    await writeFile(left, list.map((a) => levelText(a, 'adv')).join('\n\n'));
    await writeFile(right, list.map((a) => levelText(a, 'ele')).join('\n\n'));
    files.push([left, right]);
  }
  // Issue 18's long pair, built as the native bench builds it (benches/align.rs, PARALLAX_SCALING):
  // the advanced versions of the articles in key order, repeated from the start, until the left
  // side has 100k words; the right side the elementary versions of the same articles in a fixed
  // shuffled order (a step coprime with their count), about 65k words.
  const picked = articlesInKeyOrder(articles, 100000);
  const gcd = (a, b) => (b === 0 ? a : gcd(b, a % b));
  const count = picked.length;
  let step = Math.floor(count / 2);
  while (step < count && gcd(step, count) !== 1) step++;
  if (step >= count) step = 1;
  const leftText = picked.map((a) => levelText(a, 'adv')).join('\n\n');
  const rightText = picked.map((_, k) => levelText(picked[(k * step + 1) % count], 'ele')).join('\n\n');
  console.error(`ose-100k-words: ${wordCount(leftText)} and ${wordCount(rightText)} words, ${count} articles a side`);
  const left = join(dir, 'ose-100k-words-adv.txt');
  const right = join(dir, 'ose-100k-words-ele.txt');
  await writeFile(left, leftText);
  await writeFile(right, rightText);
  files.push([left, right]);
  return files;
}

test('the in-browser bench runs and reports every size', async () => {
  const server = await serve();
  const browser = await launch();
  try {
    const { page, context, problems } = await openPage(browser, `${server.url}bench/`);
    await page.waitForFunction(() => window.benchResults, null, { timeout: 120000 });
    const results = await page.evaluate(() => window.benchResults);
    console.table(results);
    assert.deepEqual(results.map((r) => r.input), ['sample × 1', 'sample × 4', 'sample × 16', 'sample × 64']);
    for (const r of results) {
      assert.ok(r.ms > 0 && Number.isFinite(r.mib_per_s), JSON.stringify(r));
      assert.ok(r.links > 0 && r.sentences > 0, JSON.stringify(r));
    }
    // diff-match-patch and jsdiff ran on the same pairs; the ratios are printed, never asserted.
    // Both have the same time limit (diff-match-patch's own default of 1 s cut it short on a slow
    // machine, and the bench timed the limit); a run that reaches it shows null, not a time.
    const limits = await page.evaluate(() => window.benchLimits);
    assert.equal(limits.dmpTimeoutS * 1000, limits.jsdiffTimeoutMs, JSON.stringify(limits));
    const finished = (ms) => ms === null || (ms > 0 && ms < limits.jsdiffTimeoutMs);
    for (const r of results) assert.ok(finished(r.dmp_ms) && finished(r.jsdiff_ms), JSON.stringify(r));
    assert.ok(results[0].dmp_ms > 0 && results[0].jsdiff_ms > 0, JSON.stringify(results[0]));
    // × dmp and × jsdiff say how many times faster Parallax is: their time over Parallax's.
    for (const r of results) {
      const near = (x, want) => x === null || Math.abs(x - want) <= 0.05 + want * 0.01;
      assert.ok(near(r.x_dmp, r.dmp_ms / r.ms) && near(r.x_jsdiff, r.jsdiff_ms / r.ms), JSON.stringify(r));
    }
    console.table(results.map(({ input, ms, dmp_ms, jsdiff_ms, x_dmp, x_jsdiff }) => ({ input, parallax_ms: ms, dmp_ms, jsdiff_ms, x_dmp, x_jsdiff })));
    // Larger inputs have more sentences: the bench measures real work.
    assert.ok(results[3].sentences === 64 * results[0].sentences, JSON.stringify(results));

    assert.deepEqual(problems, []);
    await context.close();

    // Picked pairs are timed in a fresh page without the sample rows (?sample=0): right after
    // the large rows (jsdiff's 10 s runs) seeds 002 vs 004 timed 11.4 ms, in a fresh page 8-9.
    const { page: picked, context: pickedContext, problems: pickedProblems } = await openPage(
      browser,
      `${server.url}bench/?sample=0`,
    );
    await picked.waitForFunction(() => window.benchResults, null, { timeout: 120000 });
    assert.deepEqual(await picked.evaluate(() => window.benchResults), []);
    for (const files of [...(await seedSets()), ...(await realPairs())]) {
      const before = await picked.evaluate(() => window.benchResults.length);
      await picked.setInputFiles('#files', files);
      await picked.waitForFunction((n) => window.benchResults.length > n, before, { timeout: 600000 });
      const row = (await picked.evaluate(() => window.benchResults)).at(-1);
      console.table([row]);
      assert.ok(row.links > 0 && row.ms > 0, JSON.stringify(row));
    }
    assert.deepEqual(pickedProblems, []);
    await pickedContext.close();
  } finally {
    await browser.close();
    await server.close();
  }
});
