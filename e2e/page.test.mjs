// The comparison page in a real browser: the sample loads, edits re-align, hooks are stable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshot, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();

test('the built-in sample pair renders aligned rows', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.url);
  await page.waitForSelector('[data-link]');
  const kinds = await page.$$eval('[data-link]', (rows) => rows.map((r) => r.dataset.link));
  // The sample pair shares most of its facts and each side has sentences of its own.
  assert.ok(kinds.filter((k) => !k.startsWith('only-')).length >= 5, `linked rows: ${kinds}`);
  assert.ok(kinds.includes('only-left') && kinds.includes('only-right'), `kinds: ${kinds}`);
  assert.ok(kinds.includes('identical'), `kinds: ${kinds}`);

  // Every sentence carries its article and sentence index; both articles are present.
  const docs = await page.$$eval('[data-doc][data-sentence]', (els) => [...new Set(els.map((e) => e.dataset.doc))]);
  assert.deepEqual(docs.sort(), ['0', '1']);

  // Removed words are struck through and added words underlined, not colour alone.
  const del = await page.$eval('del', (e) => getComputedStyle(e).textDecorationLine);
  const ins = await page.$eval('ins', (e) => getComputedStyle(e).textDecorationLine);
  assert.equal(del, 'line-through');
  assert.equal(ins, 'underline');

  await screenshot(page, 'sample-1280');
  assert.deepEqual(problems, []);
  await context.close();
});

test('editing a text area updates the aligned view', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.url);
  await page.waitForSelector('[data-link]');
  const sentence = 'A seal was seen swimming near the harbour wall on Wednesday.';
  await page.fill('#px-text-left', `${sentence}\n\nThe coastguard closed the beach.`);
  await page.fill('#px-text-right', `The beach was closed by the coastguard.\n\n${sentence}`);
  await page.waitForFunction(() => document.querySelectorAll('[data-link]').length === 2);
  const rows = await page.$$eval('[data-link]', (rs) =>
    rs.map((r) => ({
      kind: r.dataset.link,
      left: [...r.querySelectorAll('[data-doc="0"]')].map((s) => s.dataset.sentence),
      right: [...r.querySelectorAll('[data-doc="1"]')].map((s) => s.dataset.sentence),
    })),
  );
  // The reordered sentence is found: left 0 <-> right 1, identical.
  assert.deepEqual(rows[0], { kind: 'identical', left: ['0'], right: ['1'] });
  assert.deepEqual(rows[1].left, ['1']);
  assert.deepEqual(rows[1].right, ['0']);
  await screenshot(page, 'edited-1280');
  assert.deepEqual(problems, []);
  await context.close();
});

test('clearing both articles shows a hint instead of a blank page', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.url);
  await page.waitForSelector('[data-link]');
  await page.fill('#px-text-left', '');
  await page.fill('#px-text-right', '');
  await page.waitForSelector('.px-empty');
  assert.equal(await page.locator('[data-link]').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('issue 15, item 8: every link row shows its match percentage, and a legend says what the labels mean', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.url);
  await page.waitForSelector('[data-link]');
  await page.mouse.move(1, 1);
  const rows = await page.$$eval('.px-row[data-row]', (els) =>
    els
      .filter((r) => !r.dataset.link.startsWith('only'))
      .map((r) => {
        const score = r.querySelector('.px-score');
        const box = score?.getBoundingClientRect();
        return [r.dataset.link, score?.textContent ?? '', box ? box.width > 20 && box.height > 5 : false];
      }),
  );
  assert.ok(rows.length > 3, JSON.stringify(rows));
  for (const [kind, text, shown] of rows) {
    assert.match(text, /match \d+%/, kind);
    assert.ok(shown, `the score of a ${kind} row is visible without hovering`);
  }
  await page.click('.px-legend > summary');
  const kinds = await page.$$eval('.px-legend dt[data-kind]', (els) => els.map((e) => e.dataset.kind));
  assert.deepEqual(kinds, ['identical', 'minor', 'paraphrase', 'partial']);
  assert.match(await page.$eval('.px-legend', (e) => e.textContent), /possible match.*below 50%/);
  assert.deepEqual(problems, []);
  await context.close();
});
