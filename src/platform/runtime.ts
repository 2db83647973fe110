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

/**
 * The tab the popup is about: the one the user is looking at (its URL is readable thanks to
 * activeTab), or the tab named by `?tab=ID` when the popup page is opened in a tab of its own
 * for another tab (as Firefox's end-to-end tests do).
 */
export async function activeTab(search = ''): Promise<{ id: number | undefined; url: string | undefined }> {
  const named = /^\d+$/.exec(new URLSearchParams(search).get('tab') ?? '')?.[0];
  if (named !== undefined) {
    const tab = await browser.tabs.get(Number(named)).catch(() => undefined);
    return { id: tab?.id, url: tab?.url };
  }
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

/** The keys of the "walk the marks" command as the browser has them now (the reader may change them). */
export async function keyboardShortcut(): Promise<string | undefined> {
  const commands = await browser.commands.getAll();
  return commands.find((command) => command.name === 'next-mark')?.shortcut || undefined;
}
