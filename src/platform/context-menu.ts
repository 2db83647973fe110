// The context menu's "Backstory: explain “SELECTION”" (contextMenus; Firefox also knows it by
// that name). A click on it grants activeTab, so Backstory can start in a tab it was not on.
import { browser } from './browser.js';
import { t } from './i18n.js';

const EXPLAIN_MENU_ID = 'backstory-explain';
/** A selection longer than this is not a name. */
export const MAX_EXPLAIN_CHARS = 200;

/** Creates the menu item; menus persist, so any earlier one is removed first. */
export async function registerExplainMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: EXPLAIN_MENU_ID, title: t('menuExplain'), contexts: ['selection'] });
}

export function onExplain(handler: (selection: string, tabId: number) => void, signal: AbortSignal): void {
  const listener = (info: { menuItemId: string | number; selectionText?: string }, tab?: { id?: number }) => {
    if (info.menuItemId !== EXPLAIN_MENU_ID || tab?.id === undefined) return;
    const selection = (info.selectionText ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_EXPLAIN_CHARS);
    if (selection) handler(selection, tab.id);
  };
  browser.contextMenus.onClicked.addListener(listener);
  signal.addEventListener('abort', () => browser.contextMenus.onClicked.removeListener(listener), { once: true });
}

/** Opens the options page at its "add a name" form. */
export async function openAddToPack(name: string): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(`options/options.html#add=${encodeURIComponent(name)}`) });
}
