// Issue 18's page targets, measured in headless chromium: while a long pair is compared the main
// thread is never busy for more than 50 ms, and the result of a 25k-word pair scrolls at 60 frames
// per second. A benchmark: it prints what it measured and asserts only that the measurement ran
// (speed targets live in benchmarks, not tests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import {
  serve, launch, openPage, screenshot, largePair, setTexts, OSE, wordCount, levelText, articlesInKeyOrder, DRAWN_BLOCKS,
} from './harness.mjs';

const WORDS = 25_000;

// PARALLAX_CPU_SLOWDOWN=2 runs the page on a CPU slowed that many times (chromium's own
// throttling, as DevTools does), to see how much room the targets have on a slower machine.
const SLOWDOWN = Number(process.env.PARALLAX_CPU_SLOWDOWN ?? 1);

/**
 * A pair whose left side has 25k words: OneStopEnglish's advanced articles in key order against
 * their elementary rewrites, or, without ../shared, the repository's sample repeated.
 */
async function longPair() {
  if (existsSync(OSE)) {
    const { articles } = JSON.parse(await readFile(OSE, 'utf8'));
    const picked = articlesInKeyOrder(articles, WORDS);
    const pair = ['adv', 'ele'].map((level) => picked.map((a) => levelText(a, level)).join('\n\n'));
    return { name: `OneStopEnglish, ${picked.length} articles`, pair };
  }
  console.error('../shared/eval/onestopenglish not found: the sample repeated stands in for the 25k-word pair');
  const once = wordCount((await largePair(1))[0]);
  return { name: 'the sample repeated', pair: await largePair(Math.ceil(WORDS / once)) };
}

/** Starts recording the page's long tasks (over 50 ms) and when the "Comparing…" bar goes. */
function watchMainThread(page) {
  return page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask' });
    window.__busySeen = false;
    window.__shown = null;
    new MutationObserver(() => {
      if (document.querySelector('.px-busy')) window.__busySeen = true;
      else if (window.__busySeen && window.__shown === null) window.__shown = performance.now();
    }).observe(document.body, { childList: true, subtree: true });
    return performance.now();
  });
}

/**
 * Scrolls the window down `px` pixels a frame for `frames` frames; returns the gaps between
 * frames (ms) and the long animation frames seen meanwhile.
 */
function scrollFrames(page, px, frames) {
  return page.evaluate(([px, frames]) => new Promise((done) => {
    const janky = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) janky.push(e.duration);
    });
    observer.observe({ type: 'long-animation-frame' });
    const stamps = [];
    const step = (t) => {
      stamps.push(t);
      window.scrollBy(0, px);
      if (stamps.length <= frames) requestAnimationFrame(step);
      else {
        observer.disconnect();
        done({ gaps: stamps.slice(1).map((t, i) => t - stamps[i]), janky, end: window.scrollY });
      }
    };
    requestAnimationFrame(step);
  }), [px, frames]);
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const round = (x) => Math.round(x * 10) / 10;

test('the page stays responsive while a 25k-word pair is compared, and its result scrolls smoothly', async () => {
  const server = await serve();
  const browser = await launch();
  try {
    const { name, pair } = await longPair();
    const { page, context, problems } = await openPage(browser, server.url);
    if (SLOWDOWN > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
      console.error(`the page's CPU slowed ${SLOWDOWN} times`);
    }
    await page.waitForSelector('[data-link]');
    // Let the page settle after the sample's comparison: only the long pair's tasks count.
    await page.waitForTimeout(1000);

    const start = await watchMainThread(page);
    await setTexts(page, ...pair);
    await page.waitForFunction(() => window.__shown !== null, null, { timeout: 300_000 });
    // A long view draws the rows near the screen (and measures them): wait until their count settles.
    const drawnAt = await page.evaluate((drawn) => new Promise((done) => {
      let last = -1;
      let since = performance.now();
      const poll = () => {
        const n = document.querySelectorAll(drawn).length;
        if (n !== last) [last, since] = [n, performance.now()];
        if (performance.now() - since > 1000) done(since);
        else setTimeout(poll, 50);
      };
      poll();
    }), DRAWN_BLOCKS);
    const { long, shown, rows, drawn, elements, isLong } = await page.evaluate((selector) => ({
      long: window.__long,
      shown: window.__shown,
      rows: Number(document.querySelector('.px-aligned').dataset.blocks),
      drawn: document.querySelectorAll(selector).length,
      elements: document.getElementsByTagName('*').length,
      isLong: Boolean(document.querySelector('.px-long')),
    }), DRAWN_BLOCKS);
    // The task that drew the result holds the moment the bar went; the ones before it ran while
    // the worker compared.
    const drew = long.find((t) => t.start <= shown && shown <= t.start + t.ms + 1);
    const during = long.filter((t) => t.start >= start && t.start + t.ms < (drew?.start ?? shown));
    const after = long.filter((t) => t !== drew && t.start > shown && t.start < drawnAt);
    const comparing = {
      pair: name,
      words: `${wordCount(pair[0])} + ${wordCount(pair[1])}`,
      edit_to_result_ms: Math.round(shown - start),
      long_tasks_while_comparing: during.length,
      longest_while_comparing_ms: round(Math.max(0, ...during.map((t) => t.ms))),
      task_showing_the_result_ms: drew ? round(drew.ms) : '< 50',
      settled_after_ms: Math.round(drawnAt - shown),
      long_tasks_after_showing: after.map((t) => round(t.ms)).join(', ') || 'none',
      rows,
      rows_drawn: drawn,
      elements,
    };
    console.table([comparing]);
    assert.ok(isLong && rows > 150, `a long view (${rows} rows and folds)`);
    assert.ok(shown > start, 'the result was shown after the edit');

    // Scrolling: 50 px a frame (3,000 px/s, a brisk wheel) for 360 frames, from the top of the
    // results.
    await page.evaluate(() => document.querySelector('.px-results').scrollIntoView());
    await page.waitForTimeout(500);
    const from = await page.evaluate(() => window.scrollY);
    const { gaps, janky, end } = await scrollFrames(page, 50, 360);
    const sorted = [...gaps].sort((a, b) => a - b);
    const seconds = gaps.reduce((a, b) => a + b, 0) / 1000;
    const scrolling = {
      scrolled_px: Math.round(end - from),
      frames: gaps.length,
      fps: round(gaps.length / seconds),
      median_frame_ms: round(quantile(sorted, 0.5)),
      p95_frame_ms: round(quantile(sorted, 0.95)),
      longest_frame_ms: round(sorted.at(-1)),
      frames_over_25_ms: gaps.filter((g) => g > 25).length,
      long_animation_frames: janky.length,
    };
    console.table([scrolling]);
    assert.equal(gaps.length, 360);
    assert.ok(end - from > 10_000, `the page scrolled (${end - from} px)`);
    await screenshot(page, 'bench-page-scrolled', { fullPage: false });
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});
