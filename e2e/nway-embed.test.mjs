// Issue 15: the embed takes 2–10 articles: one <parallax-compare> with five <article data-name>
// children, and Parallax.mount with five articles, both open on the fact grid.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, screenshot, seriousViolations, fiveArticles, DIST } from './harness.mjs';

let server;
let browser;

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

before(async () => {
  const five = await fiveArticles();
  const children = five.map(({ name, content }) => `  <article data-name="${name.replace('.txt', '')}">${escape(content)}</article>`).join('\n');
  const page = `<!doctype html><html lang="en"><meta charset="utf-8"><link rel="icon" href="data:,">
<title>Five articles embedded</title>
<script type="module" src="/embed/parallax-embed.js"></script>
<main>
<h1>Five reports of one storm</h1>
<parallax-compare id="five">
${children}
</parallax-compare>
<div id="mounted"></div>
</main>
<script type="module">
  import { mount } from '/embed/parallax-embed.js';
  const articles = ${JSON.stringify(five.map(({ name, content }) => ({ name: name.toUpperCase(), text: content })))};
  window.handle = mount(document.getElementById('mounted'), { articles });
</script>`;
  server = await serve(DIST, { extra: { '/five.html': page } });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('one <parallax-compare> with five articles and Parallax.mount with five show the fact grid', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}five.html`, { width: 1280 });
  for (const id of ['five', 'mounted']) {
    await page.waitForSelector(`#${id} .px-grid tr[data-grid-row]`);
    const heads = await page.$$eval(`#${id} .px-grid thead th[data-column]`, (ths) => ths.map((t) => t.textContent));
    assert.equal(heads.length, 5, `${id}: ${heads}`);
    // Every sentence once, with its article and sentence hooks.
    const shown = await page.$$eval(`#${id} .px-grid .px-sentence`, (els) => els.map((e) => `${e.dataset.doc}:${e.dataset.sentence}`));
    assert.equal(new Set(shown).size, shown.length);
    assert.equal(await page.$$eval(`#${id} .px-cov[data-share]`, (c) => c.length), 20);
  }
  assert.match(await page.$eval('#five .px-grid thead th[data-column]', (t) => t.textContent), /^wire/);
  assert.match(await page.$eval('#mounted .px-grid thead th[data-column]', (t) => t.textContent), /^WIRE\.TXT/);
  // The base switch works inside the shadow root too.
  await page.selectOption('#five select[data-base]', '3');
  await page.waitForSelector('#five .px-grid[data-base="3"]');
  await screenshot(page, 'nway-embed', { fullPage: false });
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});
