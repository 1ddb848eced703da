// Critical path: keep this module and its imports small (the first-load budget is 35 KB gzip).
import { render } from 'preact';
import { initI18n } from './i18n';
import { startServiceWorker } from './platform/updates';
import { App } from './ui/App';
import './ui/styles.css';

await initI18n();
render(<App />, document.getElementById('app')!);
startServiceWorker();
