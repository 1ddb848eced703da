// Critical path: keep this module and its imports small (the first-load budget is 35 KB gzip).
import { render } from 'preact';
import { initI18n } from './i18n';
import { startServiceWorker } from './platform/updates';
import { embedOptions, startEmbedded, startHeightReporter } from './platform/embedded';
import { App } from './ui/App';
import './ui/styles.css';

// In another website's frame (embed.js): the host's language, before the first render.
const embed = embedOptions(location.search);
if (embed) startEmbedded(embed);
await initI18n(embed?.lang);
render(<App />, document.getElementById('app')!);
startServiceWorker();
