// The one module that imports webextension-polyfill. Everything else reaches the extension
// APIs through src/platform, so the rest of the code does not depend on the browser's flavour
// (Chrome's `chrome.*` callbacks or Firefox's promise-based `browser.*`).
import browser from 'webextension-polyfill';

export type { Runtime, Storage, Tabs } from 'webextension-polyfill';
export { browser };
