// The comparison worker's own code. scripts/worker.mjs appends it to the data-only library's
// glue (dist/lib/parallax.js without its exports) to make lib/parallax-worker.js, one classic
// script with no imports: the page and the embed start it from its URL, the single offline file from
// a Blob of its inlined text. The page's wasm (web/src/engine.rs) talks to it with messages:
//
//   page → worker  { type: 'init', wasm }          wasm: a compiled WebAssembly.Module (or its bytes)
//                  { type: 'compare', id, articles: [{ name, text }, …], options, corrections }
//                                                  corrections (optional): the reader's
//                                                  { rejected: [{ docs, left, right }], added: […] }
//                  { type: 'load', id, bytes, name, mime, windows_1252 }   a file to read
//   worker → page  { type: 'report', id, head, links }
//                                                  the report (parallax::report::Report) as JSON
//                                                  text cut for reading a part a task: head, the
//                                                  report with no links; links, its links as
//                                                  JSON arrays of at most LINKS_PER_PART each
//                  { type: 'blank', id, blank }    not compared: blank[i] says article i is blank
//                  { type: 'loaded', id, file }    the loader's answer (LoadedFile in parallax.d.ts)
//                  { type: 'error', id, message }  bad arguments or an internal error
//
// The page's own wasm carries neither the aligner nor the loader (its text clean-up tables):
// both run here.
//
// One comparison runs at a time; the page cancels a stale one by terminating the worker (a
// long comparison really stops using the CPU) and starting a new one with the same module.
let ready = null;

// Links in one part of a report's message: the page reads a part a task (under 20 ms on a slow
// machine), so no task of a long report's arrival holds the page long.
const LINKS_PER_PART = 256;

self.onmessage = async ({ data }) => {
  if (data?.type === 'init') {
    ready = __wbg_init({ module_or_path: data.wasm });
    ready.catch(() => {}); // reported with the first comparison
    return;
  }
  const { id } = data ?? {};
  try {
    if (!ready) throw new Error('the worker was not given its WebAssembly');
    await ready;
    if (data.type === 'load') {
      const file = load(new Uint8Array(data.bytes), data.name ?? '', data.mime ?? '', Boolean(data.windows_1252));
      self.postMessage({ type: 'loaded', id, file });
      return;
    }
    if (data.type !== 'compare') return;
    // Blank as the loader and the command line count it (invisible characters too).
    const blank = data.articles.map((a) => is_blank(a.text));
    if (blank.some(Boolean)) {
      self.postMessage({ type: 'blank', id, blank });
      return;
    }
    const report = compare(data.articles, data.options ?? undefined, data.corrections ?? undefined);
    const links = [];
    for (let at = 0; at < report.links.length; at += LINKS_PER_PART) {
      links.push(JSON.stringify(report.links.slice(at, at + LINKS_PER_PART)));
    }
    const head = JSON.stringify({ ...report, links: [] });
    self.postMessage({ type: 'report', id, head, links });
  } catch (error) {
    self.postMessage({ type: 'error', id, message: String(error?.message ?? error) });
  }
};
