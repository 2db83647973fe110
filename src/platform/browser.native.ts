// The content script's stand-in for browser.ts (build.mjs swaps it in for that one bundle). It
// runs on every article, where each kilobyte is parsed on every page load; every API it calls
// (runtime messages and ports, storage, i18n) is promise-based in both browsers' own namespaces
// (Chrome's `chrome` under Manifest V3, Firefox's `browser`), so the polyfill would buy nothing.
import type { Browser } from 'webextension-polyfill';

const scope = globalThis as { browser?: Browser; chrome?: Browser };
const browser = (scope.browser ?? scope.chrome) as Browser;

export type { Runtime, Storage, Tabs } from 'webextension-polyfill';
export { browser };
