// Shared by scripts/package.mjs and scripts/worker.mjs: wasm-bindgen glue as inlinable code.

/**
 * The wasm-bindgen glue (`--target web`) as a plain block of module code: its exports removed,
 * its init (`__wbg_init`) and functions kept. Throws when the glue's shape changed.
 */
export function glueWithoutExports(glue) {
  const tail = 'export { initSync, __wbg_init as default };';
  if (glue.split(tail).length !== 2) throw new Error('the wasm-bindgen glue no longer ends with its usual export line');
  return glue.replace(tail, '').replace(/^export (class|function|const) /gm, '$1 ');
}
