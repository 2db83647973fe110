import { browser } from './browser.js';

export function extensionVersion(): string {
  return browser.runtime.getManifest().version;
}

/**
 * Whether this script still belongs to a live extension. After an update, reload or disable,
 * Chrome leaves old content scripts running in open tabs with `runtime.id` gone; they must
 * notice and take themselves down.
 */
export function isExtensionAlive(): boolean {
  try {
    // The polyfill's wrapper keeps the id; the browser's own object loses it.
    const native: unknown = Reflect.get(globalThis, 'chrome');
    const nativeRuntime: unknown = typeof native === 'object' && native !== null ? Reflect.get(native, 'runtime') : undefined;
    const id: unknown = typeof nativeRuntime === 'object' && nativeRuntime !== null ? Reflect.get(nativeRuntime, 'id') : browser.runtime.id;
    return typeof id === 'string' && id.length > 0;
  } catch {
    return false;
  }
}

/** The tab the user is looking at, as seen from the popup (its URL is readable thanks to activeTab). */
export async function activeTab(): Promise<{ id: number | undefined; url: string | undefined }> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { id: tab?.id, url: tab?.url };
}

/** The hosts of the manifest's content-script match patterns: where Backstory runs by default. */
export function defaultSiteHosts(): string[] {
  const patterns = browser.runtime.getManifest().content_scripts?.flatMap((script) => script.matches ?? []) ?? [];
  return patterns.map((pattern) => pattern.replace(/^\*:\/\/(\*\.)?/, '').replace(/\/.*$/, ''));
}

/** The URL of a file the extension ships. */
export function extensionFileUrl(path: string): string {
  return browser.runtime.getURL(path);
}

/** The active tab of the window the reader last used, as seen from the background. */
export async function focusedTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id;
}
