// Sites outside the default list that the reader turned Backstory on for: an optional host
// permission per site (asked in the popup, on the reader's click) and a content script
// registered at run time for those sites.
import { browser } from './browser.js';

const USER_SITES_SCRIPT_ID = 'backstory-user-sites';

function originsOf(site: string): string[] {
  return [`*://${site}/*`, `*://*.${site}/*`];
}

/** Asks for access to one more site; must run in the reader's click. */
export function requestSite(site: string): Promise<boolean> {
  return browser.permissions.request({ origins: originsOf(site) });
}

export async function releaseSite(site: string): Promise<void> {
  await browser.permissions.remove({ origins: originsOf(site) });
}

/** Registers the content script for the allowed sites that still have their permission. */
export async function registerUserSites(allowedSites: readonly string[]): Promise<void> {
  const granted: string[] = [];
  for (const site of allowedSites) {
    if (await browser.permissions.contains({ origins: originsOf(site) })) granted.push(site);
  }
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [USER_SITES_SCRIPT_ID] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [USER_SITES_SCRIPT_ID] });
  if (granted.length === 0) return;
  await browser.scripting.registerContentScripts([
    { id: USER_SITES_SCRIPT_ID, matches: granted.flatMap(originsOf), js: ['content.js'], css: ['content.css'], runAt: 'document_idle', persistAcrossSessions: true },
  ]);
}

/**
 * Starts Backstory in a tab that is already open (the content script is not there yet). Paths
 * start at the extension's root: Firefox resolves bare ones against the calling page's folder.
 */
export async function startInTab(tabId: number): Promise<void> {
  await browser.scripting.insertCSS({ target: { tabId }, files: ['/content.css'] });
  await browser.scripting.executeScript({ target: { tabId }, files: ['/content.js'] });
}
