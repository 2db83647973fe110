// The background context: a service worker in Chrome, an event page in Firefox. Listeners are
// registered synchronously at the top level so that a message wakes the worker and finds them.
import { buildCard } from '../engine/card.js';
import { locatorMap } from '../engine/locator-map.js';
import { acceptLifelines, onKeyboardCommand } from '../platform/lifeline.js';
import { sendToTab, serve } from '../platform/messages.js';
import { focusedTabId } from '../platform/runtime.js';
import { loadSettings, watchSettings } from '../platform/settings.js';
import { registerUserSites } from '../platform/user-sites.js';
import { onExplain, openAddToPack, registerExplainMenu } from '../platform/context-menu.js';
import { watchPacks } from '../platform/packs-store.js';
import { startInTab } from '../platform/user-sites.js';
import { entityForCard, forgetAnalyzer, getAnalyzer, getLandRings, prefetchCards } from './knowledge-store.js';

/** The manifest's command that walks the marks of the page (commands API). */
const NEXT_MARK_COMMAND = 'next-mark';

async function analyze({ text, title, date, lang }: { text: string; title: string; date?: string | undefined; lang?: string | undefined }) {
  const analyzer = await getAnalyzer();
  setTimeout(prefetchCards, 0);
  const found = analyzer.analyze({ text, title, ...(date ? { date } : {}), ...(lang ? { lang } : {}) });
  return {
    entities: found.map((entity) => ({
      id: entity.id,
      kind: entity.kind,
      name: entity.name,
      salience: entity.salience,
      mentions: entity.mentions.map((mention): [number, number] => [mention.start, mention.end]),
    })),
  };
}

// The background lives as long as the extension does; nothing ever aborts this.
const lifetime = new AbortController();

serve(
  {
    'cs-bg:analyze': analyze,
    'popup-bg:analyze': analyze,
    'cs-bg:add-to-pack': async ({ name }) => {
      await openAddToPack(name);
      return { opened: true };
    },
    'cs-bg:card': async ({ id, date }) => {
      const entity = await entityForCard(id);
      if (!entity) throw new Error(`no entity ${id} in the knowledge file`);
      const card = buildCard(entity, date);
      const map = card.coords && entity.kind === 'place' ? locatorMap(await getLandRings(), card.coords) : null;
      return { ...card, map };
    },
  },
  lifetime.signal,
);

acceptLifelines(lifetime.signal);

// The context menu: the card of the selected name, or an offer to add it to a personal pack.
void registerExplainMenu().catch((error: unknown) => console.warn('Backstory: could not add its context menu item:', error));
onExplain((selection, tabId) => void explain(selection, tabId), lifetime.signal);

/** The entity the selection most likely names (the likeliest of those it could mean), or null. */
async function likeliestEntity(selection: string): Promise<string | null> {
  const candidates = (await getAnalyzer()).lookup(selection);
  candidates.sort((a, b) => b.prior - a.prior);
  return candidates[0]?.id ?? null;
}

const EXPLAIN_RETRIES = 10;
const EXPLAIN_RETRY_MS = 150;

async function explain(selection: string, tabId: number): Promise<void> {
  const request = { type: 'bg-cs:explain' as const, selection, id: await likeliestEntity(selection) };
  let reply = await sendToTab<'bg-cs:explain'>(tabId, request);
  if (reply.ok) return;
  // Backstory is not in this tab yet: the menu click lets it start there.
  await startInTab(tabId);
  for (let attempt = 0; attempt < EXPLAIN_RETRIES && !reply.ok; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, EXPLAIN_RETRY_MS));
    reply = await sendToTab<'bg-cs:explain'>(tabId, request);
  }
  if (!reply.ok) console.warn(`Backstory: could not explain the selection (${reply.error}).`);
}

// Imported, enabled, disabled or removed packs: the next analysis uses the new knowledge.
watchPacks(() => forgetAnalyzer(), lifetime.signal);

// Sites the reader turned on get their content script registered, now and whenever the list changes.
const registerAllowed = (allowedSites: readonly string[]) =>
  registerUserSites(allowedSites).catch((error: unknown) => console.warn('Backstory: could not register the sites you turned on:', error));
void loadSettings().then(({ settings }) => registerAllowed(settings.allowedSites));
watchSettings(({ settings }) => void registerAllowed(settings.allowedSites), lifetime.signal);

onKeyboardCommand((name) => {
  if (name !== NEXT_MARK_COMMAND) return;
  void focusedTabId().then((tabId) => (tabId === undefined ? undefined : sendToTab<'bg-cs:next-mark'>(tabId, { type: 'bg-cs:next-mark' })));
}, lifetime.signal);
