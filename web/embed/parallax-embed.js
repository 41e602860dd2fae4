// Parallax for newsroom pages: the <parallax-compare> element and the Parallax.mount API.
//
//   <script type="module" src="/tools/parallax/embed/parallax-embed.js"></script>
//   <parallax-compare threshold="0.3">
//     <article data-name="Wire">…text…</article>
//     <article data-name="Ours" data-src="/drafts/ours.txt"></article>
//   </parallax-compare>
//
//   const handle = Parallax.mount(element, { articles: [{ name, text }, …], options: { threshold } });
//   handle.update({ articles, options }); handle.destroy();
//   await handle.ready;   // rejects with the widget's message when mounting failed
//   element.addEventListener('parallax-select', (e) => e.detail);
//
// Each instance renders into its own open shadow root with its own stylesheet, which also resets
// every inherited property, so the host's CSS does not change it and ours cannot leak out;
// colours come from --px-* custom properties the host may set on the element. The wasm is loaded once, next to this file, on first use.
import init, { mount_embed, read_share_link } from './parallax-web.js';

const STYLESHEET = new URL('./parallax-embed.css', import.meta.url).href;
const WASM = new URL('./parallax-web_bg.wasm', import.meta.url);
let loading;

/** Loads the wasm once for every instance on the page. */
function load() {
  // The comparisons run in a worker over the engine's wasm, both next to this file
  // (web/src/engine.rs); a page that already set them keeps its own.
  globalThis.__parallaxEngine ??= {
    worker: new URL('./parallax-worker.js', import.meta.url).href,
    wasm: new URL('./parallax_bg.wasm', import.meta.url).href,
  };
  loading ??= init({ module_or_path: WASM });
  return loading;
}

/** The options the wasm side accepts, from a loose object. */
function cleanOptions(options = {}) {
  const out = {};
  if (options.threshold !== undefined && options.threshold !== null && options.threshold !== '') {
    out.threshold = Number(options.threshold);
  }
  if (options.ignore_case !== undefined) out.ignore_case = Boolean(options.ignore_case);
  if (options.ignore_punctuation !== undefined) out.ignore_punctuation = Boolean(options.ignore_punctuation);
  return out;
}

/** Shows a message inside the widget instead of leaving it blank. */
function showError(box, host, message) {
  const p = document.createElement('p');
  p.className = 'px-error';
  p.setAttribute('role', 'alert');
  p.textContent = `Parallax: ${message}`;
  box.replaceChildren(p);
  host.dispatchEvent(new CustomEvent('parallax-error', { detail: { message }, bubbles: true, composed: true }));
}

/**
 * Mounts a comparison into `element` (inside a shadow root it creates) and returns a handle
 * at once; the work starts when the wasm has loaded (`handle.ready`).
 */
function mount(element, { articles = [], options = {} } = {}) {
  if (!(element instanceof HTMLElement)) throw new TypeError('Parallax.mount needs an element');
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = STYLESHEET;
  const box = document.createElement('div');
  box.className = 'px-embed';
  root.replaceChildren(link, box);

  // Selections inside the shadow root are re-sent from the element the host knows.
  const forward = (event) => {
    event.stopPropagation();
    element.dispatchEvent(new CustomEvent('parallax-select', { detail: event.detail, bubbles: true, composed: true }));
  };
  box.addEventListener('parallax-select', forward);

  let inner = null;
  let stopped = false;
  let failure = null;
  let latest = { articles, options };
  /** Replaces the widget with a message; it stays that way until destroyed. */
  const fail = (message) => {
    stopped = true;
    failure ??= message;
    inner?.destroy();
    inner = null;
    showError(box, element, message);
  };
  // Resolves once mounted; rejects with the widget's message when mounting failed.
  const ready = load().then(
    () => {
      if (!stopped) {
        try {
          inner = mount_embed(box, latest.articles, cleanOptions(latest.options));
        } catch (error) {
          fail(error?.message ?? String(error));
        }
      }
      if (failure !== null) throw new Error(failure);
    },
    (error) => {
      fail(`could not load its WebAssembly (${error?.message ?? error})`);
      throw new Error(failure);
    },
  );

  return {
    ready,
    /** Replaces the articles and/or options; missing fields keep their values. */
    update(next = {}) {
      latest = { articles: next.articles ?? latest.articles, options: { ...latest.options, ...next.options } };
      if (!inner) return;
      try {
        inner.update(latest.articles, cleanOptions(latest.options));
      } catch (error) {
        fail(error?.message ?? String(error));
      }
    },
    fail,
    /** Removes the widget and frees its memory. */
    destroy() {
      stopped = true;
      box.removeEventListener('parallax-select', forward);
      inner?.destroy();
      inner = null;
      root.replaceChildren();
    },
  };
}

/** Reads one child <article>: its text, or the text at its same-origin data-src URL. */
async function readArticle(article, index) {
  const name = article.dataset.name || `Article ${index + 1}`;
  const src = article.dataset.src ?? article.getAttribute('src');
  if (!src) return { name, text: article.textContent ?? '' };
  const url = new URL(src, document.baseURI);
  if (url.origin !== location.origin) throw new Error(`"${src}" is not on this site; only same-origin sources are read`);
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`"${src}" could not be read (HTTP ${response.status})`);
  return { name, text: await response.text() };
}

/** <parallax-compare>: articles as child <article data-name> elements, options as attributes. */
class ParallaxCompare extends HTMLElement {
  static observedAttributes = ['threshold', 'ignore-case', 'ignore-punctuation'];
  #handle = null;

  options() {
    const options = {
      ignore_case: this.hasAttribute('ignore-case'),
      ignore_punctuation: this.hasAttribute('ignore-punctuation'),
    };
    if (this.hasAttribute('threshold')) options.threshold = this.getAttribute('threshold');
    return options;
  }

  async connectedCallback() {
    if (this.#handle) return;
    this.#handle = mount(this, { articles: [], options: this.options() });
    this.#handle.ready.catch(() => {}); // shown in the widget and sent as parallax-error
    try {
      const articles = await Promise.all([...this.querySelectorAll(':scope > article')].map(readArticle));
      this.#handle?.update({ articles });
    } catch (error) {
      this.#handle?.fail(error.message);
    }
  }

  disconnectedCallback() {
    this.#handle?.destroy();
    this.#handle = null;
  }

  attributeChangedCallback() {
    this.#handle?.update({ options: this.options() });
  }
}

if (!customElements.get('parallax-compare')) customElements.define('parallax-compare', ParallaxCompare);

/** A share link's fragment (#share=1.…) as { articles, options } for mount, or null; rejects when damaged or too large. */
export async function readShareLink(hash) {
  await load();
  return read_share_link(hash);
}

export const Parallax = { mount, readShareLink };
window.Parallax = Parallax;
export { mount };
