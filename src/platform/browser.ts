// The one module that imports webextension-polyfill. Everything else reaches the extension
// APIs through src/platform, so the rest of the code does not depend on the browser's flavour
// (Chrome's `chrome.*` callbacks or Firefox's promise-based `browser.*`).
import type { Browser } from 'webextension-polyfill';

// A plain require, not `import browser from`: esbuild's interop for a CommonJS default import
// copies every property of the module, and in Chrome the polyfill is a proxy of `chrome`, so that
// copy wakes each lazy API binding (chrome.app, chrome.csi...) on every page load.
declare const require: (id: 'webextension-polyfill') => Browser;
const browser = require('webextension-polyfill');

export type { Runtime, Storage, Tabs } from 'webextension-polyfill';
export { browser };
