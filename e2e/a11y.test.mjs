// Accessibility (axe-core in the page, light and dark), the narrow layout, and the screenshots
// kept in docs/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, openPage, seriousViolations, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no serious or critical problems (${colorScheme})`, async () => {
    const { page, context, problems } = await openPage(env.browser, env.server.url, { colorScheme });
    await page.waitForSelector('[data-link]');
    assert.deepEqual(await seriousViolations(page), [], 'aligned view');

    // With a sentence lit, a pin, an open fold and a message on screen.
    await page.locator('[data-link="paraphrase"] [data-doc="0"]').first().click();
    await page.locator('.px-fold button').first().click();
    await page.click('[data-side="left"] >> text=Clear');
    assert.deepEqual(await seriousViolations(page), [], 'aligned view, highlighted');
    await page.click('[data-side="left"] .px-message button');

    await page.click('[data-view="ribbons"]');
    await page.waitForSelector('.px-ribbon path[d^="M"]');
    await page.locator('.px-column [data-doc="1"]').first().hover();
    assert.deepEqual(await seriousViolations(page), [], 'reordering view');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('below 700 px each row keeps its pair together, stacked, without sideways scrolling', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.url, { width: 390, height: 844 });
  await page.waitForSelector('[data-link]');
  const boxes = await page.$$eval('[data-link]:not([data-link^="only-"])', (rows) =>
    rows.map((r) => {
      const box = (e) => e.getBoundingClientRect().toJSON();
      return { row: box(r), left: box(r.querySelector('.px-left')), right: box(r.querySelector('.px-right')) };
    }),
  );
  assert.ok(boxes.length > 0);
  for (const { row, left, right } of boxes) {
    assert.ok(left.bottom <= right.top + 1, 'right below left');
    assert.ok(left.top >= row.top && right.bottom <= row.bottom + 1, 'both inside the row');
  }
  // Issue 19.11: each stacked cell is labelled with its outlet's name, not "Left"/"Right".
  const labels = await page.$eval('[data-link="paraphrase"]', (row) =>
    ['.px-left', '.px-right'].map((c) => getComputedStyle(row.querySelector(c), '::before').content),
  );
  const names = [await page.inputValue('#px-name-left'), await page.inputValue('#px-name-right')];
  assert.deepEqual(labels, names.map((n) => JSON.stringify(n)));
  await page.fill('#px-name-left', 'The Morning Post');
  await page.waitForFunction(
    () => getComputedStyle(document.querySelector('[data-link] .px-left'), '::before').content === '"The Morning Post"',
  );
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the window`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('printing shows the comparison only, with scores and no controls', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.url, { colorScheme: 'dark' });
  await page.waitForSelector('[data-link]');
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.px-inputs', '.px-toolbar', '.px-overview', '.px-theme-toggle']) {
    assert.equal(await page.isVisible(hidden), false, `${hidden} is hidden in print`);
  }
  assert.ok(await page.isVisible('[data-link]'));
  assert.ok(await page.locator('.px-score').first().isVisible());
  // Light colours even in the dark theme.
  const background = await page.$eval('body', (b) => getComputedStyle(b).backgroundColor);
  assert.equal(background, 'rgb(255, 255, 255)');
  assert.deepEqual(problems, []);
  await context.close();
});

// The committed screenshots: full pages at 1280 and 390 px, light and dark.
for (const width of [1280, 390]) {
  for (const colorScheme of ['light', 'dark']) {
    test(`screenshot ${colorScheme} ${width}`, async () => {
      const { page, context, problems } = await openPage(env.browser, env.server.url, { width, height: 900, colorScheme });
      await page.waitForSelector('[data-link]');
      // Show one pinned, lit pair as a reader would see it, then shoot from the top of the page
      // (sticky parts would otherwise sit mid-page in a full-page shot).
      await page.locator('[data-link="minor"] [data-doc="0"]').first().click();
      await page.mouse.move(0, 0);
      await page.evaluate(() => window.scrollTo(0, 0));
      const dir = join(ROOT, 'docs', 'screenshots');
      await mkdir(dir, { recursive: true });
      await page.screenshot({ path: join(dir, `${colorScheme}-${width}.png`), fullPage: true });
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}
