// Runs the in-browser bench page (dist/bench/) in headless chromium and prints its table. It
// checks that the bench works and its numbers are sane; it sets no time limit (speed targets
// live in benchmarks, not tests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage } from './harness.mjs';

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
    // Larger inputs have more sentences and links: the bench measures real work.
    assert.ok(results[3].sentences === 64 * results[0].sentences, JSON.stringify(results));
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});
