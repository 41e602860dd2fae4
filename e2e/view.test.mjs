// Reading the comparison: keyboard, filters, folds, hover linking, ribbons, moved marks, export.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openPage, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();

/** Describes the focused element: its row index and whether it is a sentence. */
const focused = (page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    return {
      sentence: e?.classList.contains('px-sentence') ?? false,
      row: e?.closest('[data-row]')?.dataset.row ?? null,
      pinned: e?.classList.contains('px-pinned') ?? false,
      tag: e?.tagName,
    };
  });

test('j/k and n/p walk the differences, Enter pins, Esc clears, text fields keep their keys', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.url);
  await page.waitForSelector('[data-link]');
  // The stops: shown rows that differ (not identical, or moved), in page order.
  const stops = await page.$$eval('[data-row]', (rows) =>
    rows
      .filter((r) => r.dataset.link !== 'identical' || r.classList.contains('px-is-moved'))
      .map((r) => r.dataset.row),
  );
  assert.ok(stops.length >= 3, `stops: ${stops}`);
  await page.keyboard.press('j');
  assert.deepEqual(await focused(page), { sentence: true, row: stops[0], pinned: false, tag: 'P' });
  await page.keyboard.press('j');
  assert.equal((await focused(page)).row, stops[1]);
  await page.keyboard.press('n');
  assert.equal((await focused(page)).row, stops[2]);
  await page.keyboard.press('k');
  assert.equal((await focused(page)).row, stops[1]);
  await page.keyboard.press('p');
  assert.equal((await focused(page)).row, stops[0]);
  // The focused sentence's row shows its score; its partners are lit.
  const lit = await page.$$eval('.px-lit', (els) => els.length);
  const row = await page.$(`[data-row="${stops[0]}"]`);
  const kind = await row.getAttribute('data-link');
  assert.ok(kind.startsWith('only-') || lit > 0, `row ${stops[0]} (${kind}) lights ${lit}`);

  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).pinned, true);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.px-pinned').count(), 0);
  assert.equal(await page.locator('.px-lit').count(), 0);

  // Typing j/k/n/p in a text box types them.
  await page.click('#px-name-left');
  await page.keyboard.press('End');
  await page.keyboard.type('jknp');
  assert.equal(await page.inputValue('#px-name-left'), 'Coastal Wirejknp');
  assert.equal((await focused(page)).tag, 'INPUT');
  assert.deepEqual(problems, []);
  await context.close();
});

test('every control is reachable with Tab', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.url);
  await page.waitForSelector('[data-link]');
  const controls = await page.$$eval('button:not([disabled]), input:not([type=file]), textarea', (els) =>
    els.filter((e) => e.offsetParent !== null).map((e) => e.id || e.textContent.trim()),
  );
  assert.ok(controls.length >= 15, `controls: ${controls}`);
  const reached = new Set();
  for (let i = 0; i < 120; i += 1) {
    await page.keyboard.press('Tab');
    reached.add(await page.evaluate(() => document.activeElement.id || document.activeElement.textContent.trim()));
  }
  const missing = controls.filter((c) => !reached.has(c));
  assert.deepEqual(missing, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('filters show only changes, only left or only right, matching the summary', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.url);
  await page.waitForSelector('[data-link]');
  const count = async (kind) => Number(await page.textContent(`[data-count="${kind}"] .px-count-number`));

  await page.click('[data-filter="only-left"]');
  let kinds = await page.$$eval('[data-link]', (rs) => rs.map((r) => r.dataset.link));
  assert.ok(kinds.length > 0 && kinds.every((k) => k === 'only-left'), `${kinds}`);
  assert.equal(kinds.length, await count('only-left'));

  await page.click('[data-filter="only-right"]');
  kinds = await page.$$eval('[data-link]', (rs) => rs.map((r) => r.dataset.link));
  // Right-only boilerplate stays folded, and (issue 19.11) page furniture is no part of the
  // summary's "only right" number: that counts the article's own sentences.
  assert.ok((await page.locator('.px-fold[data-fold="boilerplate"]').count()) > 0, 'the sample has furniture');
  assert.ok(kinds.every((k) => k === 'only-right'), `${kinds}`);
  assert.equal(kinds.length, await count('only-right'));

  await page.click('[data-filter="changes"]');
  const still = await page.$$eval('[data-link="identical"]:not(.px-is-moved)', (rs) => rs.length);
  assert.equal(still, 0);

  await page.click('[data-filter="all"]');
  assert.equal(await page.getAttribute('[data-filter="all"]', 'aria-pressed'), 'true');
  assert.deepEqual(problems, []);
  await context.close();
});

test('runs of identical rows and boilerplate fold with a count and expand', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.url);
  await page.waitForSelector('[data-link]');
  // The sample's page furniture is folded away.
  const furniture = page.locator('.px-fold[data-fold="boilerplate"]').first();
  assert.match(await furniture.textContent(), /\d+ lines? of page furniture/);
  const before = await page.locator('.px-role-boilerplate').count();
  await furniture.locator('button').click();
  assert.ok((await page.locator('.px-role-boilerplate').count()) > before);

  const same = ['Alpha walked to the old mill.', 'Bravo sang a song by the river.', 'Charlie baked fresh bread at dawn.', 'Delta read a long book on trains.'];
  await page.fill('#px-text-left', [...same, 'Echo ran away from the barking dog quickly.'].join(' '));
  await page.fill('#px-text-right', [...same, 'Echo walked away from the barking dog slowly.'].join(' '));
  await page.waitForSelector('.px-fold[data-fold="identical"]');
  assert.equal((await page.textContent('.px-fold[data-fold="identical"] button')).replace(/\s+/g, ' ').trim(), '▸ 4 identical sentences — show');
  assert.equal(await page.locator('[data-link="identical"]').count(), 0);
  await page.click('.px-fold[data-fold="identical"] button');
  assert.equal(await page.locator('[data-link="identical"]').count(), 4);
  // Focus moves to the first revealed row.
  await page.waitForFunction(() => document.activeElement?.closest('[data-row]')?.dataset.row === '0');
  // Issue 19.11: an opened fold folds again, and focus returns to its button.
  const again = page.locator('[data-unfold="0"] button');
  assert.equal((await again.textContent()).replace(/\s+/g, ' ').trim(), '▾ 4 identical sentences — fold again');
  assert.equal(await again.getAttribute('aria-expanded'), 'true');
  await again.click();
  await page.waitForSelector('.px-fold[data-fold="identical"]');
  assert.equal(await page.locator('[data-link="identical"]').count(), 0);
  assert.equal(await page.locator('[data-unfold]').count(), 0);
  await page.waitForFunction(() => document.activeElement?.closest('.px-fold')?.dataset.fold === 'identical');
  assert.deepEqual(problems, []);
  await context.close();
});

test('issue 19.11: the sticky column heading stays above a hovered row\'s badge', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.url, { height: 700 });
  await page.waitForSelector('[data-link]');
  // Scroll a tall scored row up until its top (and its badge) sits under the stuck heading,
  // with the rest of the row visible below it; then hover that visible part.
  const probe = await page.evaluate(() => {
    const heading = document.querySelector('.px-aligned .px-heading');
    // Room below the last row, so any row can scroll up to the top.
    document.body.style.paddingBottom = '100vh';
    const tall = heading.getBoundingClientRect().height + 40;
    const row = [...document.querySelectorAll('[data-link]')].find(
      (r, i) => i > 2 && r.querySelector('.px-score') && r.getBoundingClientRect().height > tall,
    );
    window.scrollBy(0, row.getBoundingClientRect().top - 2);
    const top = heading.getBoundingClientRect();
    const box = row.getBoundingClientRect();
    return { row: row.dataset.row, x: box.left + 20, hoverY: top.bottom + 12, headingTop: top.top, headingBottom: top.bottom, rowTop: box.top };
  });
  assert.ok(probe.rowTop < probe.headingBottom - 20 && probe.headingTop <= 1, JSON.stringify(probe));
  await page.mouse.move(probe.x, probe.hoverY);
  const seen = await page.evaluate(({ row, headingBottom }) => {
    const badge = document.querySelector(`[data-row="${row}"] .px-badge`).getBoundingClientRect();
    const y = Math.min(badge.top + 4, headingBottom - 2);
    const hit = document.elementFromPoint(badge.left + badge.width / 2, y);
    return { hovered: document.querySelector(`[data-row="${row}"]`).matches(':hover'), inHeading: !!hit?.closest('.px-heading'), hit: hit?.className, badgeTop: badge.top };
  }, probe);
  assert.ok(seen.hovered, JSON.stringify(seen));
  assert.ok(seen.badgeTop < probe.headingBottom - 4, `the badge is under the heading: ${JSON.stringify({ ...seen, ...probe })}`);
  assert.ok(seen.inHeading, `the badge draws over the heading: ${JSON.stringify({ ...seen, ...probe })}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('issue 19.11: in forced-colours mode a pinned sentence and its partners keep a visible mark', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.url);
  await page.emulateMedia({ forcedColors: 'active' });
  await page.waitForSelector('[data-link]');
  const row = page.locator('[data-link="paraphrase"]').first();
  await row.locator('[data-doc="0"]').first().click();
  await page.mouse.move(5, 5);
  const marks = await page.$$eval('.px-sentence.px-lit, .px-sentence.px-pinned', (els) =>
    els.map((e) => {
      const s = getComputedStyle(e);
      return { pinned: e.classList.contains('px-pinned'), outline: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    }),
  );
  assert.ok(marks.some((m) => m.pinned) && marks.some((m) => !m.pinned), JSON.stringify(marks));
  for (const mark of marks) assert.ok(mark.outline !== 'none' && mark.width >= 2, JSON.stringify(marks));
  assert.deepEqual(problems, []);
  await context.close();
});

test('hovering a sentence lights its partner; clicking pins it', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.url);
  await page.waitForSelector('[data-link]');
  const row = page.locator('[data-link="paraphrase"]').first();
  const left = row.locator('[data-doc="0"]').first();
  const right = row.locator('[data-doc="1"]').first();
  await left.hover();
  await page.waitForFunction((id) => document.querySelector(`[data-doc="1"][data-sentence="${id}"]`).classList.contains('px-lit'), await right.getAttribute('data-sentence'));
  assert.match(await left.getAttribute('class'), /px-source/);
  // The score shows on hover.
  assert.ok(await row.locator('.px-score').isVisible());
  // Moving away clears the light; a click pins it so it stays.
  await page.mouse.move(5, 5);
  assert.doesNotMatch(await right.getAttribute('class'), /px-lit/);
  await left.click();
  await page.mouse.move(5, 5);
  assert.match(await right.getAttribute('class'), /px-lit/);
  assert.match(await left.getAttribute('class'), /px-pinned/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the reordering view joins linked sentences with ribbons that light both ends', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.url, { height: 640 });
  await page.waitForSelector('[data-link]');
  // Every linked pair of the aligned rows becomes one ribbon (open the folds first).
  while ((await page.locator('.px-fold button').count()) > 0) {
    await page.locator('.px-fold button').first().click();
  }
  const pairs = await page.$$eval('[data-link]', (rows) =>
    rows
      .filter((r) => !r.dataset.link.startsWith('only-'))
      .flatMap((r) => {
        const ls = [...r.querySelectorAll('[data-doc="0"]')].map((e) => e.dataset.sentence);
        const rs = [...r.querySelectorAll('[data-doc="1"]')].map((e) => e.dataset.sentence);
        return ls.flatMap((l) => rs.map((x) => `${l}-${x}`));
      }),
  );
  await page.click('[data-view="ribbons"]');
  await page.waitForSelector('.px-ribbons .px-ribbon path[d^="M"]');
  const ribbons = await page.$$eval('.px-ribbon', (gs) => gs.map((g) => `${g.dataset.left}-${g.dataset.right}`));
  // A row groups the links that share a sentence (issue 15), so each ribbon joins two sentences
  // of one row, and every linked row has a ribbon.
  for (const ribbon of ribbons) assert.ok(pairs.includes(ribbon), `ribbon ${ribbon} is not in a row: ${pairs}`);
  assert.ok(ribbons.length >= 5, `ribbons: ${ribbons.length}`);
  // Both articles appear in their own order.
  for (const doc of ['0', '1']) {
    const order = await page.$$eval(`.px-column [data-doc="${doc}"]`, (els) => els.map((e) => Number(e.dataset.sentence)));
    assert.deepEqual(order, [...order].sort((a, b) => a - b));
  }

  // Hover the middle of a ribbon whose ends are both on screen: both ends light up.
  const spot = await page.evaluate(() => {
    const svg = document.querySelector('.px-ribbon-svg').getBoundingClientRect();
    for (const g of document.querySelectorAll('.px-ribbon')) {
      const path = g.querySelector('.px-ribbon-hit');
      const p = path.getPointAtLength(path.getTotalLength() / 2);
      if (p.y > 10 && p.y < svg.height - 10) {
        return { x: svg.left + p.x, y: svg.top + p.y, left: g.dataset.left, right: g.dataset.right };
      }
    }
    return null;
  });
  assert.ok(spot, 'a ribbon in view');
  await page.mouse.move(spot.x, spot.y);
  const end = (doc, i) => page.getAttribute(`.px-column [data-doc="${doc}"][data-sentence="${i}"]`, 'class');
  await page.waitForFunction((s) => document.querySelector(`.px-column [data-doc="0"][data-sentence="${s.left}"]`).classList.contains('px-lit'), spot);
  assert.match(await end(1, spot.right), /px-lit/);
  assert.match(await page.getAttribute(`.px-ribbon[data-left="${spot.left}"][data-right="${spot.right}"]`, 'class'), /px-ribbon-lit/);

  // Hovering a left sentence whose partner is scrolled away scrolls the right column to it.
  const far = await page.evaluate(() => {
    const column = document.querySelector('.px-column[data-column="1"]').getBoundingClientRect();
    for (const g of document.querySelectorAll('.px-ribbon')) {
      const r = document.querySelector(`.px-column [data-doc="1"][data-sentence="${g.dataset.right}"]`).getBoundingClientRect();
      if (r.top > column.bottom || r.bottom < column.top) return { left: g.dataset.left, right: g.dataset.right };
    }
    return null;
  });
  assert.ok(far, 'a partner out of view in a 640 px high window');
  await page.hover(`.px-column [data-doc="0"][data-sentence="${far.left}"]`);
  await page.waitForFunction((f) => {
    const column = document.querySelector('.px-column[data-column="1"]').getBoundingClientRect();
    const r = document.querySelector(`.px-column [data-doc="1"][data-sentence="${f.right}"]`).getBoundingClientRect();
    return r.top >= column.top - 1 && r.bottom <= column.bottom + 1;
  }, far);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a moved mark jumps to the sentence in its own article', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.url);
  await page.waitForSelector('.px-moved');
  const mark = page.locator('.px-moved').first();
  assert.match(await mark.textContent(), /¶ \d+ in right/);
  const target = await mark.getAttribute('data-moved-to');
  await mark.click();
  await page.waitForSelector('.px-ribbons');
  assert.equal(await page.getAttribute('[data-view="ribbons"]', 'aria-pressed'), 'true');
  const selector = `.px-column [data-doc="1"][data-sentence="${target}"]`;
  await page.waitForFunction((s) => document.activeElement === document.querySelector(s), selector);
  assert.match(await page.getAttribute(selector, 'class'), /px-pinned/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the threshold changes the links; the report exports as JSON', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.url);
  await page.waitForSelector('[data-link]');
  await page.$eval('[data-option="threshold"]', (el) => {
    el.value = '0.6';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  // The sample's 27% headline link (a possible match beside a sure one) goes at 0.6.
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.px-badge[title]')].every((b) => Number(b.title.match(/\d+/)[0]) >= 60)
    && document.querySelectorAll('.px-unsure, .px-unsure-sentence').length === 0,
  );
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="json"]')]);
  assert.equal(download.suggestedFilename(), 'parallax-coastal-wire-vs-evening-ledger.json');
  const report = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(report.format, 'parallax-report');
  assert.deepEqual(report.documents.map((d) => d.name), ['Coastal Wire', 'Evening Ledger']);
  assert.ok(report.links.every((l) => l.score >= 0.6));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the theme follows the system, the toggle overrides it and is kept', async () => {
  const dark = await openPage(env.browser, env.server.url, { colorScheme: 'dark' });
  await dark.page.waitForSelector('[data-link]');
  assert.equal(await dark.page.getAttribute('html', 'data-theme'), 'dark');
  await dark.context.close();

  const { page, context, problems } = await openPage(env.browser, env.server.url, { colorScheme: 'light' });
  await page.waitForSelector('[data-link]');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'light');
  await page.click('.px-theme-toggle');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  assert.equal(await page.getAttribute('.px-theme-toggle', 'aria-pressed'), 'true');
  await page.reload();
  await page.waitForSelector('[data-link]');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the report exports as one self-contained HTML page that fetches nothing', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.url);
  await page.waitForSelector('[data-link]');
  const shown = (await page.textContent('[data-link="identical"] [data-doc="0"]')).trim();
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="html"]')]);
  assert.equal(download.suggestedFilename(), 'parallax-coastal-wire-vs-evening-ledger.html');
  const html = await readFile(await download.path(), 'utf8');
  assert.ok(html.startsWith('<!DOCTYPE html>'), html.slice(0, 80));
  assert.ok(html.includes('Coastal Wire') && html.includes('Evening Ledger'), 'both names');
  assert.ok(html.includes(shown), `the sentence "${shown}"`);
  assert.ok(!/<script/i.test(html), 'no script at all');
  assert.ok(!/https?:\/\//i.test(html), 'no http(s) address');

  // Opened in a browser it asks for nothing but itself.
  const viewer = await env.browser.newContext();
  const opened = await viewer.newPage();
  const requests = [];
  opened.on('request', (r) => requests.push(r.url()));
  await opened.setContent(html, { waitUntil: 'load' });
  assert.deepEqual(requests.filter((u) => /^https?:/.test(u)), []);
  assert.ok((await opened.locator('tr[data-link]').count()) > 5);
  assert.equal(await opened.locator('[data-link] [data-doc="0"]').first().isVisible(), true);
  await viewer.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test('ignore case and ignore punctuation change the marks and survive a reload', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.url);
  await page.waitForSelector('[data-link]');
  await page.fill('#px-text-left', 'The Harbour Master opened the new gate on Monday morning.');
  await page.fill('#px-text-right', 'the harbour master opened the new gate, on Monday morning!');
  await page.waitForFunction(() => document.querySelectorAll('[data-link]').length === 1 && document.querySelector('del'));
  const marks = () => page.$$eval('[data-link] del, [data-link] ins', (els) => els.map((e) => e.textContent));
  const plain = await marks();
  assert.ok(plain.some((m) => /Harbour|harbour/.test(m)), `case marks: ${plain}`);

  await page.check('[data-option="ignore-case"]');
  await page.waitForFunction(() => ![...document.querySelectorAll('[data-link] del, [data-link] ins')].some((e) => /arbour/.test(e.textContent)));
  const caseless = await marks();
  assert.ok(caseless.some((m) => /[,!]/.test(m)), `punctuation still marked: ${caseless}`);

  await page.check('[data-option="ignore-punctuation"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-link] del, [data-link] ins').length === 0);
  // With no marks left, the badge agrees: the link is identical under these options.
  assert.deepEqual(await page.$$eval('[data-link]', (rows) => rows.map((r) => r.dataset.link)), ['identical']);

  await page.waitForTimeout(100);
  await page.reload();
  await page.waitForSelector('[data-link]');
  assert.equal(await page.isChecked('[data-option="ignore-case"]'), true);
  assert.equal(await page.isChecked('[data-option="ignore-punctuation"]'), true);
  await page.waitForFunction(() => document.querySelectorAll('[data-link]').length === 1);
  assert.deepEqual(await marks(), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a long comparison says "Comparing…" first and then shows the rows', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.url);
  await page.waitForSelector('[data-link]');
  // About 15 KB per side: over the "Comparing…" size, small enough to align in a few seconds.
  const text = (tag) =>
    Array.from({ length: 300 }, (_, i) => `Sentence ${i} of the ${tag} story says item ${i * 7} was counted.`).join(' ');
  // The page is blocked while it compares, so watch for the note from inside the page.
  await page.evaluate(() => {
    window.busySeen = [];
    new MutationObserver(() => {
      const busy = document.querySelector('.px-busy');
      if (busy) window.busySeen.push(busy.textContent);
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.evaluate(([left, right]) => {
    for (const [id, value] of [['#px-text-left', left], ['#px-text-right', right]]) {
      const box = document.querySelector(id);
      box.value = value;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }, [text('wire'), text('paper')]);
  await page.waitForFunction(() => Number(document.querySelector('.px-aligned')?.dataset.blocks) > 100, null, { timeout: 120000 });
  await page.waitForSelector('.px-busy', { state: 'detached' });
  const seen = await page.evaluate(() => window.busySeen);
  assert.ok(seen.some((t) => t.includes('Comparing…')), `busy notes: ${seen.length}`);
  assert.equal(await page.getAttribute('.px-comparison', 'aria-busy'), 'false');

  // An option that changes nothing in these texts gives an equal report: the note still goes.
  const seenBefore = await page.evaluate(() => window.busySeen.length);
  await page.check('[data-option="ignore-case"]');
  await page.waitForFunction((n) => window.busySeen.length > n, seenBefore, { timeout: 20000 });
  await page.waitForFunction(() => document.querySelector('.px-comparison').getAttribute('aria-busy') === 'false', null, { timeout: 60000 });
  assert.equal(await page.locator('.px-busy').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
