// Shared by scripts/package.mjs and scripts/worker.mjs: wasm-bindgen glue as inlinable code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The wasm-bindgen glue (`--target web`) as a plain block of module code: its exports removed,
 * its init (`__wbg_init`) and functions kept. Throws when the glue's shape changed.
 */
export function glueWithoutExports(glue) {
  const tail = 'export { initSync, __wbg_init as default };';
  if (glue.split(tail).length !== 2) throw new Error('the wasm-bindgen glue no longer ends with its usual export line');
  return glue.replace(tail, '').replace(/^export (class|function|const) /gm, '$1 ');
}

/**
 * The glue with its imports of wasm-bindgen snippets (`inline_js`, `./snippets/…` beside the
 * glue in `dir`) replaced by the snippets' code, their exports removed. Throws when a snippet
 * does not define a function it is asked for.
 */
export function withSnippets(glue, dir) {
  return glue.replace(/^import \{ ([\w, ]+) \} from '(\.\/snippets\/[^']+)';$/gm, (_, names, path) => {
    const code = readFileSync(join(dir, path), 'utf8');
    for (const name of names.split(',').map((n) => n.trim())) {
      if (!new RegExp(`^export function ${name}\\(`, 'm').test(code)) {
        throw new Error(`the snippet ${path} does not export the function ${name}`);
      }
    }
    return code.replace(/^export function /gm, 'function ');
  });
}
