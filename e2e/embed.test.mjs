// The embed (issue 7): <parallax-compare> and Parallax.mount on a host page, two instances,
// hostile host CSS, events, update/destroy, attributes, same-origin src articles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, screenshot, DIST } from './harness.mjs';

let server;
let browser;

const SRC_PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><link rel="icon" href="data:,">
<title>src articles</title>
<script type="module" src="/embed/parallax-embed.js"></script>
<parallax-compare id="by-src">
  <article data-name="Local" data-src="/local.txt"></article>
  <article data-name="Inline">The museum reopened on Saturday after a two-year renovation. Entry is free.</article>
</parallax-compare>
<parallax-compare id="cross-origin">
  <article data-name="Elsewhere" data-src="https://example.org/story.txt"></article>
  <article data-name="Inline">Some text.</article>
</parallax-compare>`;

before(async () => {
  server = await serve(DIST, {
    extra: {
      '/src.html': SRC_PAGE,
      '/local.txt': 'The museum reopened on Saturday after a renovation that took two years.',
    },
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Rows rendered inside the element with this id (playwright's CSS pierces open shadow roots). */
function rows(page, id) {
  return page.$$eval(`#${id} [data-link]`, (els) => els.map((e) => e.dataset.link));
}

test('the example page shows two working instances with the host brand colour', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}examples/embed.html`, { width: 1100 });
  await page.waitForSelector('#main-compare [data-link]');
  await page.waitForSelector('#sidebar-compare [data-link]');
  const main = await rows(page, 'main-compare');
  const side = await rows(page, 'sidebar-compare');
  assert.ok(main.filter((k) => !k.startsWith('only-')).length >= 4, `main: ${main}`);
  assert.ok(main.includes('only-right'), `the public meeting is only on the right: ${main}`);
  assert.ok(side.length >= 2, `sidebar: ${side}`);

  // Isolation: the widget lives in a shadow root; its sentences are not in the host's DOM.
  assert.equal(await page.evaluate(() => document.querySelectorAll('[data-link]').length), 0);
  // Theming: the host's --px-accent reaches inside.
  const accent = await page.$eval('#main-compare', (el) => getComputedStyle(el).getPropertyValue('--px-accent').trim());
  assert.equal(accent, '#0b2545');
  // The narrow sidebar instance stacks each pair (container query), the wide one does not.
  const columns = (id) =>
    page.$eval(`#${id} .px-row:not(.px-heading)`, (row) => getComputedStyle(row).gridTemplateColumns.split(' ').length);
  assert.equal(await columns('sidebar-compare'), 1);
  assert.equal(await columns('main-compare'), 3);
  await screenshot(page, 'embed-example');
  assert.deepEqual(problems, []);
  await context.close();
});

test('selection events name the link, and keys move only the focused instance', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}examples/embed.html`, { width: 1100 });
  await page.waitForSelector('#main-compare [data-link]');
  await page.waitForSelector('#sidebar-compare [data-link]');
  const events = await page.evaluateHandle(() => {
    const seen = [];
    for (const id of ['main-compare', 'sidebar-compare']) {
      document.getElementById(id).addEventListener('parallax-select', (e) => seen.push({ id, detail: e.detail }));
    }
    return seen;
  });
  await page.click('#main-compare [data-doc="0"][data-sentence="1"]');
  const seen = await events.jsonValue();
  assert.equal(seen.length, 1, JSON.stringify(seen));
  assert.equal(seen[0].id, 'main-compare');
  assert.ok(seen[0].detail.left.includes(1), JSON.stringify(seen[0].detail));
  assert.ok(seen[0].detail.right.length >= 1, JSON.stringify(seen[0].detail));

  // The sidebar's focus state is untouched by keys pressed in the main instance.
  const sidebarFocus = () => page.$$eval('#sidebar-compare .px-pinned, #sidebar-compare .px-current', (e) => e.length);
  const before = await sidebarFocus();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  assert.equal(await sidebarFocus(), before);
  assert.deepEqual(problems, []);
  await context.close();
});

test('hostile host CSS neither breaks the widget nor is changed by it', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}examples/embed.html`, { width: 1100 });
  await page.waitForSelector('#main-compare [data-link]');
  await page.addStyleTag({
    content: `
      * { font-size: 40px !important; color: lime !important; letter-spacing: 2em; }
      section, span, article, p ~ section { display: none !important; }
      del, ins { text-decoration: none !important; }
      .px-row, .px-cell, .px-badge { display: none !important; background: red !important; }
      button { all: unset !important; }`,
  });
  await page.evaluate(() => {
    const probe = document.createElement('p');
    probe.id = 'probe';
    probe.className = 'px-summary px-aligned';
    probe.textContent = 'host text';
    document.querySelector('main').append(probe);
  });
  const inside = await page.$eval('#main-compare .px-row:not(.px-heading)', (row) => {
    const box = row.getBoundingClientRect();
    return { display: getComputedStyle(row).display, width: box.width, height: box.height };
  });
  assert.equal(inside.display, 'grid');
  assert.ok(inside.width > 300 && inside.height > 10, JSON.stringify(inside));
  assert.equal(await page.$eval('#main-compare del', (e) => getComputedStyle(e).textDecorationLine), 'line-through');
  // Our stylesheet does not reach the host's elements, even with our class names.
  const probe = await page.$eval('#probe', (e) => {
    const s = getComputedStyle(e);
    return { display: s.display, radius: s.borderTopLeftRadius, border: s.borderTopStyle };
  });
  assert.deepEqual(probe, { display: 'block', radius: '0px', border: 'none' });
  await screenshot(page, 'embed-hostile');
  assert.deepEqual(problems, []);
  await context.close();
});

test('Parallax.mount handles update() and destroy(); attributes re-align', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}examples/embed.html`, { width: 1100 });
  await page.waitForSelector('#sidebar-compare [data-link]');
  await page.evaluate(() =>
    window.sidebarHandle.update({
      articles: [
        { name: 'A', text: 'The red car stopped. It was late.' },
        { name: 'B', text: 'The red car stopped. Nobody was hurt.' },
      ],
    }),
  );
  await page.waitForFunction(() =>
    [...document.querySelector('#sidebar-compare').shadowRoot.querySelectorAll('[data-doc="1"]')].some((e) =>
      e.textContent.includes('Nobody was hurt'),
    ),
  );
  assert.deepEqual((await rows(page, 'sidebar-compare')).sort(), ['identical', 'only-left', 'only-right']);

  const linkedAt = async () => (await rows(page, 'main-compare')).filter((k) => !k.startsWith('only-')).length;
  const loose = await linkedAt();
  await page.$eval('#main-compare', (el) => el.setAttribute('threshold', '0.97'));
  await page.waitForFunction(
    (n) =>
      [...document.querySelector('#main-compare').shadowRoot.querySelectorAll('[data-link]')].filter(
        (e) => !e.dataset.link.startsWith('only-'),
      ).length < n,
    loose,
  );

  // A third article is refused with a message in the widget, not dropped silently.
  await page.evaluate(() =>
    window.sidebarHandle.update({ articles: [{ text: 'One.' }, { text: 'Two.' }, { text: 'Three.' }] }),
  );
  await page.waitForSelector('#sidebar-compare [role="alert"]');
  assert.match(await page.textContent('#sidebar-compare [role="alert"]'), /two articles at a time; 3 were given/);

  await page.evaluate(() => window.sidebarHandle.destroy());
  assert.equal(await page.$eval('#sidebar-compare', (el) => el.shadowRoot.childElementCount), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('articles load from same-origin src URLs; other origins get a clear message', async () => {
  const { page, context, problems } = await openPage(browser, `${server.origin}/src.html`);
  await page.waitForSelector('#by-src [data-link]');
  const text = await page.$eval('#by-src', (el) => el.shadowRoot.textContent);
  assert.match(text, /renovation that took two years/);
  await page.waitForSelector('#cross-origin [role="alert"]');
  const message = await page.$eval('#cross-origin [role="alert"]', (e) => e.textContent);
  assert.match(message, /only same-origin sources are read/);
  assert.ok(!server.requests.some((r) => r.includes('example.org')));
  // The refused source is reported as an error event, not as a console error.
  assert.deepEqual(problems, []);
  await context.close();
});
