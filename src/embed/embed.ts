// embed.js, built alone by vite.embed.config.ts: one frame per <script> that loads it.
import { mount } from './host';

mount(document.currentScript as HTMLScriptElement | null);
