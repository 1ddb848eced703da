/** Replaced at build time (vite.config.ts `define`). */
declare const __APP_VERSION__: string;
/** True in a kill-switch build (`npm run build:kill-switch`): its service worker removes itself. */
declare const __KILL_SWITCH__: boolean;
