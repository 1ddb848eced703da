// Critical path: keep this module and its imports small (the first-load budget is 35 KB gzip).
import { render } from 'preact';
import { initI18n } from './i18n';
import { embedOptions, startEmbedded, startHeightReporter } from './platform/embedded';
import { App } from './ui/App';
import './ui/styles.css';

// In another website's frame (embed.js): the host's language, before the first render.
const embed = embedOptions(location.search);
if (embed) startEmbedded(embed);
await initI18n(embed?.lang);
render(<App />, document.getElementById('app')!);
if (embed) startHeightReporter(embed.hostOrigin);

// The service worker comes after first paint, and never inside an embedding page's frame.
// `load` may already have fired during the await above (a remembered English or Arabic loads its
// chunk first): then register at once, or the worker would never be registered for those students.
if ('serviceWorker' in navigator && window.self === window.top) {
  const registerWorker = () => void import('./platform/service-worker').then((m) => m.register());
  if (document.readyState === 'complete') registerWorker();
  else addEventListener('load', registerWorker, { once: true });
}
