// The comparison worker's own code. scripts/worker.mjs appends it to the data-only library's
// glue (dist/lib/parallax.js without its exports) to make lib/parallax-worker.js, one classic
// script with no imports: the page and the embed start it from its URL, the single offline file from
// a Blob of its inlined text. The page's wasm (web/src/engine.rs) talks to it with messages:
//
//   page → worker  { type: 'init', wasm }          wasm: a compiled WebAssembly.Module (or its bytes)
//                  { type: 'compare', id, articles: [{ name, text }, …], options }
//   worker → page  { type: 'report', id, json }    the report (parallax::report::Report) as JSON text
//                  { type: 'error', id, message }  bad arguments or an internal error
//
// One comparison runs at a time; the page cancels a stale one by terminating the worker (a
// long comparison really stops using the CPU) and starting a new one with the same module.
let ready = null;

self.onmessage = async ({ data }) => {
  if (data?.type === 'init') {
    ready = __wbg_init({ module_or_path: data.wasm });
    ready.catch(() => {}); // reported with the first comparison
    return;
  }
  if (data?.type !== 'compare') return;
  const { id } = data;
  try {
    if (!ready) throw new Error('the worker was not given its WebAssembly');
    await ready;
    const report = compare(data.articles, data.options ?? undefined);
    self.postMessage({ type: 'report', id, json: JSON.stringify(report) });
  } catch (error) {
    self.postMessage({ type: 'error', id, message: String(error?.message ?? error) });
  }
};
