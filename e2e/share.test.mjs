// Share links without a server (issue 7): "Copy link" puts the compressed articles and options
// in the URL fragment; opening it restores the comparison; too-large and damaged links say so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, shareFragment, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();

const LEFT = 'The Tay ferry sailed at dawn on Friday. “It was calm,” said the captain — 42 passengers.';
const RIGHT = 'The ferry crossed the Tay on Friday morning. Forty-two passengers were on board.';

/** Fills both panes (names and texts). */
async function fill(page, left, right) {
  await page.fill('#px-name-left', 'Dawn edition');
  await page.fill('#px-text-left', left);
  await page.fill('#px-name-right', 'Late edition');
  await page.fill('#px-text-right', right);
}

test('a share link round-trips the articles and options, and sends nothing to the server', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.origin });
  await page.waitForSelector('[data-link]');
  await fill(page, LEFT, RIGHT);
  await page.check('[data-option="ignore-case"]');
  await page.click('[data-share-link]');
  await page.waitForFunction(() => document.querySelector('[data-share-note]').textContent.includes('Link copied'));
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /#share=1\.[A-Za-z0-9_-]+$/);
  // Copied, so the address bar is left alone (a reload must not re-open the link over later edits).
  assert.equal(await page.evaluate(() => location.hash), '');
  // The fragment carries the articles compressed, not as readable text.
  assert.ok(!decodeURIComponent(link).includes('ferry'), link);
  await context.close();
  assert.deepEqual(problems, []);

  // A reader with nothing stored opens the link: the same comparison, the fragment gone.
  const requestsBefore = env.server.requests.length;
  const other = await openPage(env.browser, link);
  await other.page.waitForFunction(
    (left) => document.querySelector('#px-text-left')?.value === left,
    LEFT,
  );
  assert.equal(await other.page.inputValue('#px-text-right'), RIGHT);
  assert.equal(await other.page.inputValue('#px-name-left'), 'Dawn edition');
  assert.ok(await other.page.isChecked('[data-option="ignore-case"]'));
  await other.page.waitForSelector('[data-link]');
  assert.equal(await other.page.evaluate(() => location.hash), '');
  // The server saw only the page's own files, never the fragment.
  const asked = env.server.requests.slice(requestsBefore);
  assert.ok(asked.every((p) => !p.includes('share')), asked.join(' '));
  // Opening a link keeps the reader's own text one Undo away.
  assert.match(await other.page.textContent('.px-message'), /share link/);
  assert.deepEqual(other.problems, []);
  await other.context.close();
});

test('articles too large for a link get a clear message and stay as typed', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.url);
  await page.waitForSelector('[data-link]');
  // Pseudo-random words compress poorly: ~60 KB each side is far over a link's 32 KB.
  const words = (seed) => {
    let x = seed;
    return Array.from({ length: 9000 }, () => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return x.toString(36).slice(0, 6);
    }).join(' ');
  };
  const left = `${words(1)}.`;
  await fill(page, left, `${words(2)}.`);
  await page.click('[data-share-link]');
  await page.waitForFunction(() => document.querySelector('[data-share-note]').textContent.includes('too long'));
  assert.match(await page.textContent('[data-share-note]'), /Export the HTML file/);
  assert.equal(await page.evaluate(() => location.hash), '');
  assert.equal(await page.inputValue('#px-text-left'), left);
  assert.deepEqual(problems, []);
  await context.close();
});

/** A share link to the served page, made here as the page makes them. */
const linkFor = (base, left, right) => `${base}${shareFragment(left, right)}`;

const OWN_LEFT = 'My own draft of the left article. It took an hour to write.';
const OWN_RIGHT = 'My own draft of the right article. Also mine.';

/** Opens the page with the reader's own draft typed and stored. */
async function withDraft() {
  const opened = await openPage(env.browser, env.server.url);
  await opened.page.waitForSelector('[data-link]');
  await opened.page.fill('#px-text-left', OWN_LEFT);
  await opened.page.fill('#px-text-right', OWN_RIGHT);
  await opened.page.waitForFunction((own) => localStorage.getItem('parallax.left.text') === own, OWN_LEFT);
  return opened;
}

test('issue 19.1: a small link that inflates past the article limit is refused at once', async () => {
  const { page, context, problems } = await withDraft();
  // 2.2 MB of one unbreakable word in a 3 KB link (over the 2 MB article limit); 20 MB in a 27 KB link.
  for (const [size, word] of [[2_200_000, 'a'], [20_000_000, 'b']]) {
    const link = linkFor(env.server.url, word.repeat(size), 'Short.');
    assert.ok(link.length < 32 * 1024, `link of ${link.length} characters`);
    await page.goto('about:blank');
    const started = Date.now();
    await page.goto(link);
    await page.waitForFunction(
      () => /too large/.test(document.querySelector('[data-share-note]')?.textContent ?? ''),
      null,
      { timeout: 10_000 },
    );
    const took = Date.now() - started;
    assert.ok(took < 5_000, `refused after ${took} ms`);
    assert.equal(await page.inputValue('#px-text-left'), OWN_LEFT, 'the reader keeps their text');
    assert.equal(await page.inputValue('#px-text-right'), OWN_RIGHT);
    assert.equal(await page.evaluate(() => location.hash), '');
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('issue 19.2: a link never writes over the stored draft, and Undo survives a reload', async () => {
  const { page, context, problems } = await withDraft();
  await page.goto('about:blank');
  await page.goto(linkFor(env.server.url, LEFT, RIGHT));
  await page.waitForFunction((left) => document.querySelector('#px-text-left')?.value === left, LEFT);
  const stored = () =>
    page.evaluate(() => [localStorage.getItem('parallax.left.text'), localStorage.getItem('parallax.right.text')]);
  assert.deepEqual(await stored(), [OWN_LEFT, OWN_RIGHT], 'the draft is untouched in storage');

  // A reload shows the shared comparison again (the fragment is gone), and Undo still leads back.
  await page.reload();
  await page.waitForSelector('[data-link]');
  assert.equal(await page.inputValue('#px-text-left'), LEFT);
  assert.match(await page.textContent('[data-side="left"] .px-message'), /share link/);
  await page.click('[data-side="left"] .px-message button');
  assert.equal(await page.inputValue('#px-text-left'), OWN_LEFT);
  assert.equal(await page.inputValue('#px-text-right'), OWN_RIGHT);
  await page.reload();
  await page.waitForSelector('[data-link]');
  assert.equal(await page.inputValue('#px-text-left'), OWN_LEFT, 'back to the draft for good');

  // Editing a shared comparison keeps it; the draft is still one Undo away after a reload.
  await page.goto('about:blank');
  await page.goto(linkFor(env.server.url, LEFT, RIGHT));
  await page.waitForFunction((left) => document.querySelector('#px-text-left')?.value === left, LEFT);
  await page.fill('#px-text-left', `${LEFT} Edited.`);
  await page.waitForFunction((t) => localStorage.getItem('parallax.left.text') === t, `${LEFT} Edited.`);
  await page.reload();
  await page.waitForSelector('[data-link]');
  assert.equal(await page.inputValue('#px-text-left'), `${LEFT} Edited.`);
  await page.click('[data-side="left"] .px-message button');
  assert.equal(await page.inputValue('#px-text-left'), OWN_LEFT);
  await page.click('[data-side="right"] .px-message button');
  assert.equal(await page.inputValue('#px-text-right'), OWN_RIGHT);

  // Two links in a row: Undo still leads to the reader's own text, not to the first link.
  await page.goto('about:blank');
  await page.goto(linkFor(env.server.url, LEFT, RIGHT));
  await page.waitForFunction((left) => document.querySelector('#px-text-left')?.value === left, LEFT);
  await page.goto('about:blank');
  await page.goto(linkFor(env.server.url, 'A second link.', 'Its other side.'));
  await page.waitForFunction(() => document.querySelector('#px-text-left')?.value === 'A second link.');
  await page.click('[data-side="right"] .px-message button');
  assert.equal(await page.inputValue('#px-text-left'), OWN_LEFT);
  assert.equal(await page.inputValue('#px-text-right'), OWN_RIGHT);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a damaged share link changes nothing and says why', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.url);
  await page.waitForSelector('[data-link]');
  await fill(page, LEFT, RIGHT);
  await page.goto("about:blank");
  await page.goto(`${env.server.url}#share=1.bm90LWRlZmxhdGU`);
  await page.waitForFunction(() => document.querySelector('[data-share-note]').textContent.includes('damaged'));
  assert.equal(await page.inputValue('#px-text-left'), LEFT);
  assert.deepEqual(problems, []);
  await context.close();
});

test('when the clipboard refuses, the link goes to the address bar instead', async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new Error('denied'));
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(env.server.url);
  await page.waitForSelector('[data-link]');
  await fill(page, LEFT, RIGHT);
  await page.click('[data-share-link]');
  await page.waitForFunction(() => document.querySelector('[data-share-note]').textContent.includes('address bar'));
  assert.match(await page.evaluate(() => location.hash), /^#share=1\.[A-Za-z0-9_-]+$/);
  assert.deepEqual(problems, []);
  await context.close();
});
