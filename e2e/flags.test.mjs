// Discrepancy flags on the page: a chip on the row (kind and note in words), the
// Discrepancies filter and a count in the summary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, openPage, screenshot, seriousViolations, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();

// Our own invented pair: one count and one weekday differ, the rest agrees.
const LEFT =
  'Officials said at least 217 people were moved from the valley on Wednesday.\n\n' +
  'The road to the coast stayed open all night.';
const RIGHT =
  'Officials said at least 270 people were moved from the valley on Thursday.\n\n' +
  'The road to the coast stayed open all night.';

test('a changed count and weekday show as chips, filter and count', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.url);
  await page.waitForSelector('[data-link]');
  await page.fill('#px-text-left', LEFT);
  await page.fill('#px-text-right', RIGHT);
  await page.waitForSelector('.px-flag[data-flag="number"]');
  const chips = await page.$$eval('.px-flag', (els) =>
    els.map((e) => [e.dataset.flag, e.dataset.severity, e.textContent.trim()]),
  );
  assert.deepEqual(chips, [
    ['number', 'conflict', 'conflict: number: 217 ≠ 270'],
    ['date', 'conflict', 'conflict: date: Wednesday ≠ Thursday'],
  ]);
  assert.match(await page.$eval('.px-flag-count', (e) => e.textContent), /2 discrepancies \(2 conflicts\)/);

  // Issue 17: every flag in one list; an item shows and focuses its row, also from another
  // filter; the chips are reachable by keyboard.
  await page.click('[data-filter="only-left"]');
  await page.click('.px-flag-list > summary');
  const items = await page.$$eval('.px-flag-jump', (els) => els.map((e) => [e.dataset.flag, e.textContent.trim()]));
  assert.deepEqual(items, [
    ['number', 'conflict: number: 217 ≠ 270, show its row'],
    ['date', 'conflict: date: Wednesday ≠ Thursday, show its row'],
  ]);
  await page.click('.px-flag-jump[data-flag="date"]');
  await page.waitForFunction(() => document.activeElement?.closest('.px-row')?.querySelector('.px-flag[data-flag="date"]'));
  assert.equal(await page.$eval('[data-filter="all"]', (b) => b.getAttribute('aria-pressed')), 'true');
  assert.equal(await page.$eval('.px-flag[data-flag="number"]', (e) => e.tabIndex), 0);

  await page.click('[data-filter="discrepancies"]');
  const shown = await page.$$eval('.px-row[data-row]', (rows) => rows.map((r) => r.querySelectorAll('.px-flag').length));
  assert.deepEqual(shown, [2], 'only the flagged row stays');
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, 'flags-1280');
  // The README's picture of the chips: the flagged row only.
  await page.locator('.px-row[data-row]').first().screenshot({ path: join(ROOT, 'docs', 'screenshots', 'flags-row.png') });
  assert.deepEqual(problems, []);
  await context.close();
});
