// Issue 18: the engine runs in a Web Worker, in the page, the embed and the single offline file.
// While a long pair is compared the page answers clicks and typing, a newer edit replaces a stale
// comparison (its worker is terminated: a new one starts) and shows the newer result, and Cancel
// stops one. Functional checks only: nothing here is timed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, launch, openPage, screenshot, largePair, setTexts, DIST, DRAWN_BLOCKS } from './harness.mjs';

let server;
let browser;
let big;

before(async () => {
  server = await serve(DIST, {
    extra: {
      '/host.html': `<!doctype html><html lang="en"><meta charset="utf-8"><link rel="icon" href="data:,">
<title>embed host</title>
<script type="module" src="/embed/parallax-embed.js"></script>
<button id="host-button" type="button">Host button</button> <output id="host-count">0</output>
<div id="slot"></div>
<script>
  document.getElementById('host-button').addEventListener('click', () => {
    const out = document.getElementById('host-count');
    out.textContent = String(Number(out.textContent) + 1);
  });
</script>`,
    },
  });
  browser = await launch();
  big = await largePair(400);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const SHORT_RIGHT = 'The lighthouse at Wenlow Point fell into the sea on Sunday. Nobody was hurt.';

/** Whether a right-hand sentence containing `text` is shown (inside shadow roots too). */
const showsRight = (page, text, scope = '') =>
  page.waitForFunction(
    ([text, scope]) => {
      const root = scope ? document.querySelector(scope)?.shadowRoot : document;
      return [...(root?.querySelectorAll('[data-doc="1"]') ?? [])].some((e) => e.textContent.includes(text));
    },
    [text, scope],
    { timeout: 60_000 },
  );

/** Clicks the theme toggle and says whether the click was handled while "Comparing…" still showed. */
async function toggleWhileBusy(page) {
  const before = await page.evaluate(() => document.documentElement.dataset.theme);
  await page.click('.px-theme-toggle');
  return page.evaluate((before) => ({
    toggled: document.documentElement.dataset.theme !== before,
    busy: Boolean(document.querySelector('.px-busy')),
  }), before);
}

test('the page compares in a worker: it stays usable, a newer edit wins, Cancel stops it', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  let workers = 0;
  page.on('worker', () => workers++);
  await page.waitForSelector('[data-link]');
  assert.ok(workers >= 1, 'the sample pair was compared in a worker');

  // A long pair: "Comparing…" with a Cancel button, and the page answers meanwhile.
  await setTexts(page, ...big);
  await page.waitForSelector('.px-busy [data-cancel]');
  const click = await toggleWhileBusy(page);
  assert.deepEqual(click, { toggled: true, busy: true }, 'a click is handled while the pair is compared');
  await page.fill('#px-name-left', 'Typed while comparing');
  assert.equal(await page.inputValue('#px-name-left'), 'Typed while comparing');
  assert.ok(await page.isVisible('.px-busy'), 'typing was handled while the pair was compared');
  await screenshot(page, 'worker-comparing', { fullPage: false });

  // A newer edit replaces the stale comparison: its worker is stopped, a new one starts, and the
  // newer result shows (the stale one never lands on top of it).
  const started = workers;
  await setTexts(page, null, SHORT_RIGHT);
  await showsRight(page, 'Nobody was hurt');
  await page.waitForSelector('.px-busy', { state: 'detached' });
  assert.ok(workers > started, 'the stale comparison\'s worker was terminated and replaced');
  await page.waitForTimeout(1000);
  assert.ok(await page.evaluate(() => document.querySelectorAll('[data-doc="1"]').length <= 3), 'only the newer, short right article');

  // Cancel stops a comparison; the text stays, and "Compare again" runs it.
  await setTexts(page, null, big[1]);
  await page.click('.px-busy [data-cancel]');
  await page.waitForSelector('[data-cancelled]');
  assert.match(await page.textContent('[data-cancelled]'), /Comparison cancelled/);
  assert.equal(await page.locator('.px-busy').count(), 0);
  assert.equal((await page.inputValue('#px-text-right')).length, big[1].length);
  assert.equal(await page.isVisible('.px-results'), false);
  await screenshot(page, 'worker-cancelled', { fullPage: false });
  // A long view draws only the rows near the screen, with empty boxes as tall as the others above
  // and below (issue 18: drawing them all held the main thread for seconds, and scrolling
  // stuttered). Scrolling and jumps draw the rows they reach.
  await page.click('[data-retry]');
  await page.waitForSelector('.px-busy');
  await page.waitForFunction(() => Number(document.querySelector('.px-aligned')?.dataset.blocks) > 400, null, { timeout: 120_000 });
  await page.waitForSelector('.px-busy', { state: 'detached' });
  const blocks = Number(await page.getAttribute('.px-aligned', 'data-blocks'));
  const drawnWindow = () => page.evaluate((selector) => {
    const [above, below] = [...document.querySelectorAll('.px-aligned > .px-spacer')].map((s) => s.getBoundingClientRect().height);
    return { drawn: document.querySelectorAll(selector).length, above, below };
  }, DRAWN_BLOCKS);
  const top = await drawnWindow();
  assert.ok(top.drawn > 0 && top.drawn < blocks / 4, `the view drew ${top.drawn} of ${blocks} rows`);
  assert.equal(top.above, 0);
  assert.ok(top.below > 10_000, `the rows not drawn stand below (${top.below} px)`);
  await screenshot(page, 'long-view-top', { fullPage: false });
  // Scrolled to the end: the last rows are drawn, the first ones not.
  await page.waitForFunction(() => {
    window.scrollTo(0, document.documentElement.scrollHeight);
    const below = document.querySelectorAll('.px-aligned > .px-spacer')[1];
    return below && below.getBoundingClientRect().height === 0;
  }, null, { polling: 100, timeout: 20_000 });
  const end = await drawnWindow();
  assert.ok(end.drawn < blocks / 4 && end.above > 10_000, `at the end ${end.drawn} rows, ${end.above} px above`);
  assert.equal(await page.locator('.px-aligned [data-row="0"]').count(), 0, 'the first row is no longer drawn');
  await screenshot(page, 'long-view-end', { fullPage: false });
  // A jump to a row not drawn draws it and focuses it: j from nowhere goes to the first difference.
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('j');
  await page.waitForFunction(() => document.activeElement?.matches('.px-aligned .px-sentence'));
  const focused = await page.evaluate(() => {
    const r = document.activeElement.getBoundingClientRect();
    return { row: Number(document.activeElement.closest('[data-row]').dataset.row), inView: r.top >= 0 && r.bottom <= innerHeight };
  });
  assert.ok(focused.inView, 'the row jumped to is on screen');
  assert.ok(focused.row < 20, `j went to a row near the top (${focused.row})`);
  // The overview's last mark jumps to the far end again.
  const last = Number(await page.locator('.px-ov-mark').last().getAttribute('data-ov-row'));
  await page.locator('.px-ov-mark').last().click({ force: true });
  await page.waitForFunction((row) => document.activeElement?.closest('[data-row]')?.dataset.row === String(row), last);
  await screenshot(page, 'long-view-jumped', { fullPage: false });
  // What the reader set on a row outlives the row being dropped: a word diff switched on stays
  // on, and j goes on from the row that had focus.
  await page.evaluate(() => document.querySelector('.px-aligned').scrollIntoView());
  const toggle = page.locator('.px-aligned .px-diff-toggle').first();
  const toggled = Number(await toggle.evaluate((b) => b.closest('[data-row]').dataset.row));
  await toggle.click();
  await page.focus(`.px-aligned [data-row="${toggled}"] .px-sentence`);
  await page.waitForFunction(() => {
    window.scrollTo(0, document.documentElement.scrollHeight);
    return document.querySelectorAll('.px-aligned > .px-spacer')[1]?.getBoundingClientRect().height === 0;
  }, null, { polling: 100, timeout: 20_000 });
  assert.equal(await page.locator(`.px-aligned [data-row="${toggled}"]`).count(), 0, 'the toggled row was dropped');
  await page.keyboard.press('j');
  await page.waitForFunction(() => document.activeElement?.matches('.px-aligned .px-sentence'));
  const next = Number(await page.evaluate(() => document.activeElement.closest('[data-row]').dataset.row));
  assert.ok(next > toggled && next < toggled + 40, `j went on from row ${toggled} to row ${next}`);
  assert.equal(await page.getAttribute(`.px-aligned [data-row="${toggled}"] .px-diff-toggle`, 'aria-pressed'), 'true');
  assert.equal(await page.locator('[data-cancelled]').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('articles past the old 200 KB limit are compared (up to 2 MB each)', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await page.waitForSelector('[data-link]');
  const [left] = await largePair(300);
  const [, right] = await largePair(1);
  assert.ok(left.length > 300_000, `${left.length} bytes`);
  await setTexts(page, left, right);
  await page.waitForFunction(() => Number(document.querySelector('.px-aligned')?.dataset.blocks) > 1000, null, { timeout: 120_000 });
  assert.ok(await page.locator('[data-link]:not([data-link^="only"])').count() > 0, 'the right article links into the long left one');
  assert.equal(await page.locator('.px-guard').count(), 0);
  // Rows off screen are not drawn; keyboard navigation still reaches them.
  await page.click('.px-theme-toggle'); // focus outside the text boxes
  for (let i = 0; i < 3; i++) await page.keyboard.press('j');
  assert.ok(await page.evaluate(() => document.activeElement?.matches('.px-sentence')), 'j focused a sentence');
  await screenshot(page, 'large-article', { fullPage: false });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the worker finds an article of invisible characters blank (files it reads: input and encodings tests)', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await page.waitForSelector('[data-link]');
  // Zero-width space, soft hyphen, word joiner: nothing to compare (the loader's is_blank, in the worker).
  await setTexts(page, null, '\u200B\u00AD \u2060\n');
  await page.waitForFunction(() => /right article is empty/.test(document.querySelector('.px-refusal')?.textContent ?? ''));
  assert.equal(await page.locator('[data-link]').count(), 0);
  await setTexts(page, null, SHORT_RIGHT);
  await showsRight(page, 'Nobody was hurt');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the embed compares in a worker: the host page stays usable and update() wins', async () => {
  const { page, context, problems } = await openPage(browser, `${server.origin}/host.html`);
  let workers = 0;
  page.on('worker', () => workers++);
  await page.evaluate(async ([left, right]) => {
    await customElements.whenDefined('parallax-compare').catch(() => {});
    while (!window.Parallax) await new Promise((ok) => setTimeout(ok, 20));
    window.handle = window.Parallax.mount(document.getElementById('slot'), {
      articles: [{ name: 'Wire', text: left }, { name: 'Ledger', text: right }],
    });
  }, big);
  await page.waitForSelector('#slot .px-busy');
  // The worker starts once the engine's wasm is compiled, maybe just after the note shows.
  for (let i = 0; workers < 1 && i < 200; i++) await page.waitForTimeout(50);
  assert.ok(workers >= 1, 'the embed compares in a worker');
  await page.click('#host-button');
  assert.equal(await page.textContent('#host-count'), '1');
  assert.ok(await page.isVisible('#slot .px-busy'), 'the host handled a click while the widget compared');

  const started = workers;
  await page.evaluate((right) => window.handle.update({ articles: [{ name: 'Wire', text: 'A lighthouse fell on Sunday.' }, { name: 'Ledger', text: right }] }), SHORT_RIGHT);
  await showsRight(page, 'Nobody was hurt', '#slot');
  assert.ok(workers > started, 'the stale comparison\'s worker was replaced');
  await page.waitForSelector('#slot .px-busy', { state: 'detached' });
  await page.waitForTimeout(1000);
  assert.ok(await page.evaluate(() => document.getElementById('slot').shadowRoot.querySelectorAll('[data-doc="0"]').length <= 2));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the single file compares in a worker made from its own text, offline', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, offline: true });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  let workers = 0;
  page.on('worker', () => workers++);
  const url = pathToFileURL(join(DIST, 'parallax.html')).href;
  await page.goto(url);
  await page.waitForSelector('[data-link]', { timeout: 30_000 });
  assert.ok(workers >= 1, 'the single file compares in a worker');

  await setTexts(page, ...big);
  await page.waitForSelector('.px-busy [data-cancel]');
  assert.deepEqual(await toggleWhileBusy(page), { toggled: true, busy: true });
  await setTexts(page, null, SHORT_RIGHT);
  await showsRight(page, 'Nobody was hurt');
  await page.waitForSelector('.px-busy', { state: 'detached' });
  await screenshot(page, 'single-file-worker', { fullPage: false });
  assert.deepEqual(requests.filter((r) => r !== url && !r.startsWith('blob:')), [], 'no network');
  assert.deepEqual(problems, []);
  await context.close();
});

test('Cancel stops a long report the worker has sent and the page is still reading', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  // Clicks Cancel in the task that brings the worker's report, before the page has read it all.
  await page.addInitScript(() => {
    const { get, set } = Object.getOwnPropertyDescriptor(Worker.prototype, 'onmessage');
    Object.defineProperty(Worker.prototype, 'onmessage', {
      get,
      set(handler) {
        set.call(this, handler && ((event) => {
          handler(event);
          if (event.data?.type === 'report' && window.cancelOnReport) {
            window.cancelOnReport = false;
            document.querySelector('.px-busy [data-cancel]')?.click();
            window.cancelledOnReport = true;
          }
        }));
      },
    });
  });
  await page.reload();
  await page.waitForSelector('[data-link]');
  await page.evaluate(() => { window.cancelOnReport = true; });
  await setTexts(page, big[0], big[1]);
  await page.waitForFunction(() => window.cancelledOnReport, null, { timeout: 120_000 });
  await page.waitForSelector('[data-cancelled]');
  // The report read on in later tasks would have replaced the notice: it stays.
  await page.waitForTimeout(1500);
  assert.equal(await page.locator('[data-cancelled]').count(), 1);
  assert.equal(await page.isVisible('.px-results'), false, 'the cancelled report is not shown');
  assert.equal(await page.locator('.px-busy').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
