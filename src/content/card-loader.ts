// How the content script gets the card module. Chromium: imported from the extension the first
// time a card is wanted (card-ui.js, a web-accessible module with a per-session URL), so pages
// read without opening a card never load it. Firefox's build swaps in card-loader.bundled.ts
// (build.mjs): Mozilla's linter refuses an import() whose URL is computed.
import { extensionFileUrl } from '../platform/runtime.js';
import type * as CardUi from './card-ui.js';

export function loadCardUi(): Promise<typeof CardUi> {
  return import(extensionFileUrl('card-ui.js')) as Promise<typeof CardUi>;
}
