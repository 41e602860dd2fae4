// Two comparisons on one page, mounted with `mount_comparison` (the `?debug-two` route):
// no duplicate ids, keys answered only by the comparison that has focus, the
// `parallax-select` event, update and unmount through the Rust handle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, openPage, seriousViolations, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();

const open = async () => {
  const opened = await openPage(env.browser, `${env.server.url}?debug-two`);
  await opened.page.waitForFunction(() =>
    [...document.querySelectorAll('.px-comparison')].filter((c) => c.querySelector('[data-link]')).length === 2,
  );
  return opened;
};

test('two comparisons mount side by side without duplicate ids or storage', async () => {
  const { page, context, problems } = await open();
  const instances = await page.$$eval('.px-comparison', (cs) => cs.map((c) => c.dataset.instance));
  assert.equal(new Set(instances).size, 2, `instances ${instances}`);
  const ids = await page.$$eval('[id]', (els) => els.map((e) => e.id));
  assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'duplicate ids');
  // Options come from the caller: the second was mounted with "ignore case".
  const checked = await page.$$eval('[data-option="ignore-case"]', (els) => els.map((e) => e.checked));
  assert.deepEqual(checked, [false, true]);
  // Nothing was written to storage by either comparison.
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  assert.deepEqual(await seriousViolations(page), []);
  // Issue 19.9: each comparison is a landmark of its own name.
  assert.deepEqual(await axeViolations(page, { rules: ['landmark-unique'] }), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('keys move only inside the comparison that has focus', async () => {
  const { page, context, problems } = await open();
  const where = () =>
    page.evaluate(() => {
      const e = document.activeElement;
      const root = e?.closest('.px-comparison');
      return { instance: root?.dataset.instance ?? null, row: e?.closest('[data-row]')?.dataset.row ?? null };
    });
  const [first, second] = await page.$$eval('.px-comparison', (cs) => cs.map((c) => c.dataset.instance));
  // Focus the second comparison's root, then walk with j: focus stays in the second.
  await page.focus(`.px-comparison[data-instance="${second}"]`);
  await page.keyboard.press('j');
  let at = await where();
  assert.equal(at.instance, second);
  assert.notEqual(at.row, null);
  await page.keyboard.press('j');
  const next = await where();
  assert.equal(next.instance, second);
  assert.ok(Number(next.row) > Number(at.row), `${next.row} after ${at.row}`);
  // The first comparison did not move or light anything.
  assert.equal(await page.locator(`.px-comparison[data-instance="${first}"] .px-lit`).count(), 0);
  // Keys pressed with focus on the page body reach neither (no page-wide listener here).
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press('j');
  at = await where();
  assert.equal(at.instance, null);
  // Escape in the first does not clear the second's pin.
  await page.keyboard.press('Enter');
  await page.focus(`.px-comparison[data-instance="${second}"] [data-link="minor"] [data-doc="0"]`);
  await page.keyboard.press('Enter');
  assert.equal(await page.locator(`.px-comparison[data-instance="${second}"] .px-pinned`).count(), 1);
  await page.focus(`.px-comparison[data-instance="${first}"]`);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator(`.px-comparison[data-instance="${second}"] .px-pinned`).count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('pinning dispatches parallax-select on the root with the link and its sentences', async () => {
  const { page, context, problems } = await open();
  await page.evaluate(() => {
    window.selections = [];
    for (const root of document.querySelectorAll('.px-comparison')) {
      root.addEventListener('parallax-select', (e) =>
        window.selections.push({ instance: root.dataset.instance, ...e.detail }),
      );
    }
  });
  const first = await page.getAttribute('.px-comparison', 'data-instance');
  const sentence = page.locator(`.px-comparison[data-instance="${first}"] [data-link="paraphrase"] [data-doc="0"]`).first();
  const left = Number(await sentence.getAttribute('data-sentence'));
  const rightSeen = await page.$$eval(
    `.px-comparison[data-instance="${first}"] [data-link="paraphrase"]`,
    (rows, left) => {
      const row = rows.find((r) => r.querySelector(`[data-doc="0"][data-sentence="${left}"]`));
      return [...row.querySelectorAll('[data-doc="1"]')].map((s) => Number(s.dataset.sentence));
    },
    left,
  );
  await sentence.click();
  await page.waitForFunction(() => window.selections.length === 1);
  const [selected] = await page.evaluate(() => window.selections);
  assert.equal(selected.instance, first);
  assert.equal(typeof selected.link, 'number');
  assert.ok(selected.left.includes(left), `left ${selected.left}`);
  // The pinned sentence's link: its right sentences sit in the row (which may hold more, issue 15).
  assert.ok(selected.right.length > 0);
  for (const j of selected.right) assert.ok(rightSeen.includes(j), `row ${rightSeen} has ${j}`);
  // Clicking again unpins: the event says nothing is selected.
  await sentence.click();
  await page.waitForFunction(() => window.selections.length === 2);
  const cleared = (await page.evaluate(() => window.selections))[1];
  assert.deepEqual({ link: cleared.link, left: cleared.left, right: cleared.right }, { link: null, left: [], right: [] });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the handle updates one comparison and unmounts another', async () => {
  const { page, context, problems } = await open();
  const [first, second] = await page.$$eval('.px-comparison', (cs) => cs.map((c) => c.dataset.instance));
  await page.click('[data-debug="update-second"]');
  await page.waitForFunction(
    (s) => document.querySelectorAll(`.px-comparison[data-instance="${s}"] [data-link]`).length === 1,
    second,
  );
  const row = `.px-comparison[data-instance="${second}"] [data-link]`;
  // A quiet (paraphrase) row shows its word diff one click away (issue 15).
  if (await page.$(`${row} .px-diff-toggle`)) await page.click(`${row} .px-diff-toggle`);
  assert.equal(await page.textContent(`${row} del`), 'red');
  assert.equal(await page.textContent(`${row} ins`), 'blue');
  // The update also set the options: "ignore case" is off again.
  assert.equal(await page.isChecked(`.px-comparison[data-instance="${second}"] [data-option="ignore-case"]`), false);
  assert.ok((await page.locator(`.px-comparison[data-instance="${first}"] [data-link]`).count()) > 5);

  await page.click('[data-debug="unmount-first"]');
  await page.waitForFunction((f) => !document.querySelector(`.px-comparison[data-instance="${f}"]`), first);
  assert.equal(await page.locator('.px-comparison').count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});
