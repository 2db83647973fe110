// Where knowledge packs are stored, and a watcher that only says that they changed: the content
// script needs no more (and so carries no pack schema).
import { browser, type Storage } from './browser.js';

export const PACKS_KEY = 'packs';

export function watchPackChanges(onChange: (newValue: unknown) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, Storage.StorageChange>, area: string) => {
    const change = changes[PACKS_KEY];
    if (area === 'local' && change) onChange(change.newValue);
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
