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
// No top-level await: with one, the bundler keeps what the questionnaire shares with this module in a
// chunk of its own, one more file on the critical path.
void initI18n(embed?.lang).then(() => {
  render(<App />, document.getElementById('app')!);
  // After the first render: the host is never told the empty page's height.
  if (embed) startHeightReporter(embed.hostOrigin);
  startServiceWorker();
});
