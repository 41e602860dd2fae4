// Getting articles in and keeping them: paste, drop, open, persistence, guards, the panic panel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dropFile, openPage, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();

const textOf = (page, side) => page.$eval(`#px-text-${side}`, (t) => t.value);
const messageOf = (page, side) => page.$eval(`[data-side="${side}"] .px-message`, (m) => m.textContent);

// Our own look-alike articles (never text from the shared seeds).
const SEAL_LEFT = 'A grey seal was seen near the harbour wall on Wednesday. Children watched from the pier.';
const SEAL_RIGHT = 'Children watched from the pier as a grey seal swam near the harbour wall on Wednesday.';

test('pasting from the clipboard replaces the text and re-aligns', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  await page.waitForSelector('[data-link]');
  await page.fill('#px-text-right', SEAL_RIGHT);
  await page.evaluate((text) => navigator.clipboard.writeText(text), SEAL_LEFT);
  await page.click('#px-text-left');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  assert.equal(await textOf(page, 'left'), SEAL_LEFT);
  // Two left sentences, one right sentence: the page settles, then shows the new rows.
  await page.waitForFunction(() => document.querySelectorAll('[data-link]').length <= 3);
  const left = await page.$$eval('[data-doc="0"]', (els) => els.map((e) => e.textContent));
  assert.deepEqual(left.sort(), [
    'A grey seal was seen near the harbour wall on Wednesday.',
    'Children watched from the pier.',
  ]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the sample names do not stay on the reader\'s own text (issue 15, item 1)', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.url);
  await page.waitForSelector('[data-link]');
  assert.equal(await page.inputValue('#px-name-left'), 'Coastal Wire');
  // A wire dateline names the outlet; text without one gets a neutral name.
  await page.fill('#px-text-left', `EASTPORT (Reuters) - ${SEAL_LEFT}`);
  await page.fill('#px-text-right', SEAL_RIGHT);
  await page.waitForFunction(() => document.querySelector('#px-name-left').value === 'Reuters');
  await page.waitForFunction(() => document.querySelector('#px-name-right').value === 'Article 2');
  // The summary names them too, once the report of both new texts is in: the right name box
  // changes at once, the summary with the alignment that follows it.
  await page.waitForFunction(() => !/Coastal Wire|Evening Ledger/.test(document.body.innerText));
  assert.ok((await page.evaluate(() => document.body.innerText)).includes('Article 2'));
  // Loading the sample again brings its names back.
  await page.click('button:has-text("sample")');
  await page.waitForFunction(() => document.querySelector('#px-name-left').value === 'Coastal Wire');
  assert.deepEqual(problems, []);
  await context.close();
});

test('typed text, names and the threshold survive a reload', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.url);
  await page.waitForSelector('[data-link]');
  await page.fill('#px-name-left', 'Harbour Post');
  await page.fill('#px-text-left', SEAL_LEFT);
  await page.$eval('[data-option="threshold"]', (el) => {
    el.value = '0.55';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForTimeout(100);
  await page.reload();
  await page.waitForSelector('#px-text-left');
  assert.equal(await textOf(page, 'left'), SEAL_LEFT);
  assert.equal(await page.inputValue('#px-name-left'), 'Harbour Post');
  assert.equal(await page.$eval('[data-option="threshold"]', (el) => el.value), '0.55');
  assert.equal(await page.textContent('.px-threshold output'), '0.55');
  // The right article is still the sample: a first visit loads it, later visits keep it.
  assert.ok((await textOf(page, 'right')).includes('Wenlow'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('dropping an HTML file keeps only the main text', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.url);
  await page.waitForSelector('[data-link]');
  const html = `<!doctype html><html><head><title>Seal</title><style>p { color: red }</style>
    <script>var leaked = "SCRIPT TEXT";</script></head><body>
    <header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
    <article><header><h1>Seal spotted in the harbour</h1></header>
      <p>A grey seal was seen near the harbour wall on
         Wednesday.</p>
      <figure><img src="x.png" alt=""><figcaption>The seal on the slipway.</figcaption></figure>
      <ul><li><p>Keep dogs on leads.</p></li></ul>
      <footer>Share this story</footer>
    </article>
    <aside>Most read: a different story</aside><footer>Copyright</footer></body></html>`;
  await dropFile(page, '[data-side="left"]', { name: 'seal-story.html', type: 'text/html', content: html });
  await page.waitForFunction(() => document.querySelector('#px-name-left').value === 'seal-story');
  assert.equal(
    await textOf(page, 'left'),
    'Seal spotted in the harbour\n\nA grey seal was seen near the harbour wall on Wednesday.\n\n' +
      'The seal on the slipway.\n\nKeep dogs on leads.',
  );
  assert.match(await messageOf(page, 'left'), /Loaded seal-story \(HTML reduced/);
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-doc="0"]')].some((e) => e.textContent.includes('grey seal')),
  );
  // Undo brings the sample text back.
  await page.click('[data-side="left"] .px-message button');
  assert.ok((await textOf(page, 'left')).includes('Wenlow'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('opening a Markdown file through the file picker', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.url);
  await page.waitForSelector('[data-link]');
  await page.setInputFiles('#px-file-right', {
    name: 'notes.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from('# Seal in the harbour\n\n- A **grey** seal was [seen](https://example.invalid) on Wednesday.\n'),
  });
  await page.waitForFunction(() => document.querySelector('#px-name-right').value === 'notes');
  assert.equal(await textOf(page, 'right'), 'Seal in the harbour\n\nA grey seal was seen on Wednesday.');
  assert.deepEqual(problems, []);
  await context.close();
});

test('binary and huge files are refused with a message and the text stays', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.url);
  await page.waitForSelector('[data-link]');
  const before = await textOf(page, 'left');
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52];
  await dropFile(page, '[data-side="left"]', { name: 'photo.png', type: 'image/png', content: png });
  await page.waitForFunction(() => document.querySelector('[data-side="left"] .px-error'));
  assert.match(await messageOf(page, 'left'), /binary file/);
  assert.equal(await textOf(page, 'left'), before);

  await dropFile(page, '[data-side="left"]', { name: 'huge.txt', type: 'text/plain', content: 'a'.repeat(2_200_000) });
  await page.waitForFunction(() => /too large/.test(document.querySelector('[data-side="left"] .px-message').textContent));
  assert.match(await messageOf(page, 'left'), /2\.1 MB — too large\. Parallax reads files up to 2\.0 MB/);
  assert.equal(await textOf(page, 'left'), before);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an article too long to align is not compared, and its text is kept', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.url);
  await page.waitForSelector('[data-link]');
  // 2.1 MB: over the page's 2 MB article limit (the engine loader's).
  const long = 'The tide came in early. '.repeat(90_000);
  await page.fill('#px-text-right', long);
  await page.waitForSelector('.px-guard');
  assert.match(await page.textContent('.px-guard'), /Not compared\. The right article is 2\.1 MB\. The page compares articles up to 2\.0 MB each/);
  assert.equal((await textOf(page, 'right')).length, long.length);
  assert.equal(await page.locator('[data-link]').count(), 0);
  // Issue 19.11: no empty table under the refusal telling the reader to paste an article.
  assert.equal(await page.isVisible('.px-results'), false);
  assert.doesNotMatch(await page.textContent('.px-comparison'), /Paste an article/);
  assert.equal(await page.isVisible('.px-summary'), false);
  // Shortening it brings the comparison back.
  await page.fill('#px-text-right', SEAL_RIGHT);
  await page.waitForSelector('[data-link]');
  assert.equal(await page.locator('.px-guard').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('swap sides and clear with undo', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.url);
  await page.waitForSelector('[data-link]');
  const [left, right] = [await textOf(page, 'left'), await textOf(page, 'right')];
  await page.click('text=Swap sides');
  assert.equal(await textOf(page, 'left'), right);
  assert.equal(await textOf(page, 'right'), left);
  assert.equal(await page.inputValue('#px-name-left'), 'Evening Ledger');
  await page.click('[data-side="left"] >> text=Clear');
  assert.equal(await textOf(page, 'left'), '');
  await page.click('[data-side="left"] .px-message button');
  assert.equal(await textOf(page, 'left'), right);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a panic shows the error panel, keeps the text boxes and saves their text', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.url);
  await page.waitForSelector('[data-link]');
  await page.fill('#px-text-left', SEAL_LEFT);
  await page.goto(`${env.server.url}?debug-panic`);
  await page.waitForSelector('#px-fatal:not([hidden])');
  assert.match(await page.textContent('#px-fatal'), /Something went wrong inside Parallax.*debug-panic/s);
  assert.equal(await textOf(page, 'left'), SEAL_LEFT);
  assert.ok(problems.some((p) => p.includes('debug-panic')), `expected the panic in the console: ${problems}`);
  // The panel's link reloads the page without the trigger; the text is still there.
  await page.click('#px-fatal a');
  await page.waitForSelector('[data-link]');
  assert.equal(await textOf(page, 'left'), SEAL_LEFT);
  assert.equal(await page.isHidden('#px-fatal'), true);
  await context.close();
});
