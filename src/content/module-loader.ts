// Chromium's content script: it loads the real one (src/content/main.ts, built as the module
// content-main.js) from the extension. A module streams in and is parsed and compiled off the
// page's main thread, where a classic content script is compiled on it: measured, a third of
// what Backstory costs the page (npm run bench). Firefox's content script is main.ts itself:
// Mozilla's linter refuses an import() whose URL is computed.
import { extensionFileUrl } from '../platform/runtime.js';

import(extensionFileUrl('content-main.js')).catch((error: unknown) => {
  console.warn('Backstory could not start on this page:', error);
});
