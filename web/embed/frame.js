// The iframe embed (dist/embed/frame.html): one comparison filling the frame.
//
//   URL parameters   dark=auto|1|0, threshold=0.3, ignore-case, ignore-punctuation
//   articles         the share fragment (#share=1.…, as "Copy link" makes it), or a message
//                    from the host page: frame.contentWindow.postMessage(
//                      { type: 'parallax:articles', articles: [{ name, text }, …], options }, '*')
//   height           sent to the host whenever it changes: { type: 'parallax:height', height }
//                    (the README's ten-line host snippet resizes the iframe with it)
import { Parallax, readShareLink } from './parallax-embed.js';

const params = new URLSearchParams(location.search);
/** A URL flag: present and not 0/false/no. */
const flag = (name) => params.has(name) && !/^(0|false|no)$/i.test(params.get(name));

const element = document.getElementById('parallax');
if (params.get('dark') === 'auto') element.dataset.theme = 'auto';
else if (flag('dark')) element.dataset.theme = 'dark';
document.body.style.margin = '0';
// The frame takes its content's height, so nothing inside may take the frame's (viewport) height:
// the overview strip spans the rows, the reordering view has a fixed height.
element.style.setProperty('--px-strip-height', 'auto');
element.style.setProperty('--px-ribbons-height', '600px');

const options = {};
if (params.has('threshold')) options.threshold = params.get('threshold');
if (params.has('ignore-case')) options.ignore_case = flag('ignore-case');
if (params.has('ignore-punctuation')) options.ignore_punctuation = flag('ignore-punctuation');

const handle = Parallax.mount(element, { articles: [], options });
// A failure is shown inside the frame.
handle.ready.catch(() => {});

if (location.hash.startsWith('#share=')) {
  readShareLink(location.hash).then(
    (shared) => shared && handle.update({ articles: shared.articles, options: { ...shared.options, ...options } }),
    (error) => handle.fail(error?.message ?? String(error)),
  );
}

// Articles from the page that holds the frame (and from no other window).
window.addEventListener('message', (event) => {
  if (event.source !== window.parent || event.data?.type !== 'parallax:articles') return;
  handle.update({ articles: event.data.articles, options: { ...event.data.options, ...options } });
});

// The frame's height, to the host page, whenever it changes.
let sent = 0;
new ResizeObserver(() => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === sent || window.parent === window) return;
  sent = height;
  window.parent.postMessage({ type: 'parallax:height', height }, '*');
}).observe(document.documentElement);
