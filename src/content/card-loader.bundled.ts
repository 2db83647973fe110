// Firefox's card-loader (see card-loader.ts): the card module is part of the content script.
import * as CardUi from './card-ui.js';

export function loadCardUi(): Promise<typeof CardUi> {
  return Promise.resolve(CardUi);
}
