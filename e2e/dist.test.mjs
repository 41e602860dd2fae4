// The built site's ways in (issue 7): the single offline file from file://, the Trunk output
// under a sub-path with its Content-Security-Policy, and the data-only library dist/lib/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, launch, openPage, screenshot, DIST } from './harness.mjs';

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** Records every request the page makes, and CSP violations reported inside it. */
async function watch(context) {
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`),
    );
  });
  return requests;
}

/** The policy a built page declares in its <meta http-equiv>. */
async function policyOf(file) {
  const html = await readFile(join(DIST, file), 'utf8');
  const match = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/);
  assert.ok(match, `${file} declares a Content-Security-Policy`);
  return match[1];
}

test('the built pages carry a strict Content-Security-Policy', async () => {
  for (const file of ['index.html', 'parallax.html']) {
    const csp = await policyOf(file);
    assert.match(csp, /default-src 'none'/, file);
    assert.match(csp, /'wasm-unsafe-eval'/, file);
    assert.doesNotMatch(csp, /'unsafe-eval'|'unsafe-inline'|\*/, file);
  }
});

test('the single file renders the sample from file:// with zero network requests', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, offline: true });
  const requests = await watch(context);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  const url = pathToFileURL(join(DIST, 'parallax.html')).href;
  await page.goto(url);
  await page.waitForSelector('[data-link]', { timeout: 20000 });
  const kinds = await page.$$eval('[data-link]', (rows) => rows.map((r) => r.dataset.link));
  assert.ok(kinds.includes('identical') && kinds.includes('only-left'), `kinds: ${kinds}`);

  // Typing re-aligns without the network too.
  await page.fill('#px-text-left', 'A lighthouse fell into the sea on Sunday. Nobody was hurt.');
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-doc="0"]')].some((e) => e.textContent.includes('Nobody was hurt')),
  );
  await screenshot(page, 'single-file');

  // Issue 19.11: "Copy link" on file:// does not promise that anyone can open the link.
  await page.click('[data-share-link]');
  await page.waitForFunction(() => document.querySelector('[data-share-note]').textContent.length > 0);
  const note = await page.textContent('[data-share-note]');
  assert.doesNotMatch(note, /Anyone/, note);
  assert.match(note, /only where the same file sits/, note);
  // The engine's worker starts from a Blob of the file's own text: local, not the network.
  assert.deepEqual(requests.filter((r) => r !== url && !r.startsWith('blob:')), [], 'requests besides the file itself');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the Trunk output does not work from file:// (why parallax.html exists)', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(pathToFileURL(join(DIST, 'index.html')).href);
  await page.waitForTimeout(1500);
  assert.equal(await page.$$eval('[data-link]', (rows) => rows.length), 0, 'rows rendered from file://');
  assert.ok(await page.isVisible('#px-loading'), 'the static loading note is still there');
  assert.ok(
    errors.some((e) => /CORS|origin|Failed to load module/i.test(e)),
    `the browser refused the module: ${errors.join(' | ')}`,
  );
  await context.close();
});

test('the site works from a sub-path under its CSP and makes no request after load', async () => {
  const server = await serve(DIST, { prefix: '/tools/parallax/' });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const requests = await watch(context);
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.goto(server.url);
    await page.waitForSelector('[data-link]');
    assert.ok(server.requests.every((p) => p.startsWith('/tools/parallax/')), `${server.requests}`);

    const loaded = requests.length;
    await page.fill('#px-text-right', 'The lighthouse at Wenlow Point fell into the sea on Sunday.');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-doc="1"]')].some((e) => e.textContent.includes('at Wenlow Point fell')),
    );
    await page.keyboard.press('j');
    assert.deepEqual(requests.slice(loaded), [], 'requests after load');
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await server.close();
  }
});

test('dist/lib/parallax.js gives pages the report as plain data', async () => {
  const server = await serve(DIST, {
    extra: {
      '/data-only.html': `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>data only</title>
<script type="module">
import init, { compare } from './lib/parallax.js';
await init();
const report = compare([
  { name: 'a', text: 'The bridge opened on Monday. Crowds cheered.' },
  { name: 'b', text: 'Crowds cheered loudly. The bridge opened on Monday.' },
], { threshold: 0.3 });
const three = compare([
  { name: 'a', text: 'The bridge opened on Monday. Crowds cheered.' },
  { name: 'b', text: 'Crowds cheered loudly. The bridge opened on Monday.' },
  { name: 'c', text: 'The bridge opened on Monday.' },
]);
let error = '';
try { compare([{ text: 'only one' }]); } catch (e) { error = e.message; }
window.result = { report, three, error };
</script>`,
    },
  });
  try {
    const { page, context, problems } = await openPage(browser, `${server.origin}/data-only.html`);
    await page.waitForFunction(() => window.result);
    const { report, three, error } = await page.evaluate(() => window.result);
    assert.equal(report.format, 'parallax-report');
    assert.equal(report.version, 2);
    // Issue 14: three articles, one fact all three carry, and what the third lacks.
    assert.deepEqual(three.documents.map((d) => d.id), [0, 1, 2]);
    assert.ok(three.clusters.some((c) => c.members.length === 3), JSON.stringify(three.clusters));
    assert.deepEqual(three.coverage.only[2], []);
    assert.ok(three.links.every((l) => l.docs[0] < l.docs[1]));
    assert.deepEqual(report.documents.map((d) => d.name), ['a', 'b']);
    const pairs = report.links.map((l) => `${l.left}-${l.right}:${l.kind}`);
    assert.ok(pairs.includes('0-1:identical'), `links: ${pairs}`);
    assert.match(error, /2 to 10 articles, not 1/);
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await server.close();
  }
});
